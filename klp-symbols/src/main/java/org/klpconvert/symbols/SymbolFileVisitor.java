package org.klpconvert.symbols;

import java.io.IOException;

/**
 * Receives the lines of a symbols file in file order. {@link SymbolMap#accept} drives it;
 * {@link SymbolFileWriter} serialises what it receives. Texts are the raw line bytes decoded
 * ISO-8859-1, without the newline; a {@code \r} or a NUL byte stays part of them.
 */
public interface SymbolFileVisitor {

    /**
     * The first line, which starts with {@link SymbolFileFormat#HEADER}.
     *
     * @param line the line, without its line end
     * @throws IOException if a file cannot be read or written
     */
    void header(String line) throws IOException;

    /**
     * A {@code *object} line; {@code name} is the text after the {@code *}, possibly empty.
     *
     * @param name the object name
     * @throws IOException if a file cannot be read or written
     */
    void object(String name) throws IOException;

    /**
     * Any other line: one non-exported symbol of the current object.
     *
     * @param name the symbol name
     * @throws IOException if a file cannot be read or written
     */
    void symbol(String name) throws IOException;

    /**
     * A {@code __ksymtab_<name>} line; {@code name} is the text after the prefix.
     *
     * @param name the exported symbol's name, without the {@code __ksymtab_} prefix
     * @throws IOException if a file cannot be read or written
     */
    void exported(String name) throws IOException;

    /**
     * The end of the file; {@code finalNewline} tells whether the last line ended in {@code \n}.
     *
     * @param finalNewline whether the file ends with a line end
     * @throws IOException if a file cannot be read or written
     */
    void end(boolean finalNewline) throws IOException;
}
