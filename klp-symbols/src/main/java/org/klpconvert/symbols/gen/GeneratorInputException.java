package org.klpconvert.symbols.gen;

import org.klpconvert.elf.KlpException;

/**
 * A generator input that is not what its option says: not an ELF object or System.map, or a
 * malformed kallsyms, System.map or Module.symvers line. The message reads
 * {@code <file>:<line>: <reason>} ({@code <file>: <reason>} when no line applies).
 */
public final class GeneratorInputException extends KlpException {
    private static final long serialVersionUID = 1L;

    /** The input as the user gave it. */
    private final String file;
    /** The 1-based line of the problem, or 0. */
    private final int line;

    /**
     * A generator input that is not what its option says; the message is
     * {@code <file>:<line>: <reason>}.
     *
     * @param file   the input as the user gave it
     * @param line   the 1-based line, or 0 when no line applies
     * @param reason what is wrong, without the file name
     */
    public GeneratorInputException(String file, int line, String reason) {
        super(file + (line > 0 ? ":" + line : "") + ": " + reason);
        this.file = file;
        this.line = line;
    }

    /**
     * {@return the input as the user gave it}
     */
    public String file() {
        return file;
    }

    /**
     * {@return the 1-based line of the problem, or 0}
     */
    public int line() {
        return line;
    }
}
