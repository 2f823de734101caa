package org.klpconvert.symbols;

import static java.nio.charset.StandardCharsets.ISO_8859_1;

import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import org.klpconvert.elf.KlpException;

/**
 * Writes a symbols file from the lines it is given, byte for byte: texts are encoded
 * ISO-8859-1, lines are joined by {@code \n}, and {@link #end} decides the final newline. So
 * {@code map.accept(new SymbolFileWriter(out))} reproduces the file {@code map} was read from.
 *
 * <p>{@link #symbol} writes its text verbatim: a name that starts with {@code __ksymtab_}
 * reads back as an export, which is what a generator copying nm output wants. A text that
 * would read back as other lines (a newline inside, or a symbol starting with {@code *}) is
 * refused with a {@link KlpException}: writing it would let a crafted name add objects or
 * exports to the file.
 */
public final class SymbolFileWriter implements SymbolFileVisitor, Closeable {

    private static final byte[] NONE = new byte[0];
    private static final byte[] STAR = {'*'};
    private static final byte[] KSYMTAB = SymbolFileFormat.KSYMTAB_PREFIX.getBytes(ISO_8859_1);

    private final OutputStream out;

    /**
     * Writes to {@code out}, which {@link #close} closes.
     *
     * @param out where the file goes; not closed by the writer
     */
    public SymbolFileWriter(OutputStream out) {
        this.out = new BufferedOutputStream(out, 1 << 16);
    }

    @Override
    public void header(String line) throws IOException {
        check(line, SymbolFileFormat.lineBreakProblem(line));
        out.write(line.getBytes(ISO_8859_1));
    }

    @Override
    public void object(String name) throws IOException {
        line(STAR, name, SymbolFileFormat.lineBreakProblem(name));
    }

    @Override
    public void symbol(String name) throws IOException {
        line(NONE, name, SymbolFileFormat.symbolLineProblem(name));
    }

    @Override
    public void exported(String name) throws IOException {
        line(KSYMTAB, name, SymbolFileFormat.lineBreakProblem(name));
    }

    @Override
    public void end(boolean finalNewline) throws IOException {
        if (finalNewline) {
            out.write('\n');
        }
        out.flush();
    }

    private void line(byte[] prefix, String text, String problem) throws IOException {
        check(text, problem);
        out.write('\n');
        out.write(prefix);
        out.write(text.getBytes(ISO_8859_1));
    }

    private static void check(String text, String problem) throws KlpException {
        if (problem != null) {
            throw new KlpException("cannot write " + SymbolFileFormat.quoted(text) + " to a symbols file: it "
                    + problem);
        }
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
