package org.klpconvert.elf.io;

import org.klpconvert.elf.KlpException;

/**
 * An input file that cannot be read as a whole: missing, not permitted, not a regular file, or
 * too large; in a subclass, content that cannot be unpacked. The message reads
 * {@code <file>: <reason>}.
 */
public class InputFileException extends KlpException {
    private static final long serialVersionUID = 1L;

    /** The file as the user gave it. */
    private final String file;
    /** What is wrong, without the file name. */
    private final String reason;

    /**
     * A refusal to read {@code file}; the message is {@code <file>: <reason>}.
     *
     * @param file   the path as the user gave it
     * @param reason what is wrong, without the file name
     * @param cause  the underlying I/O error, or {@code null}
     */
    public InputFileException(String file, String reason, Throwable cause) {
        super(file + ": " + reason, cause);
        this.file = file;
        this.reason = reason;
    }

    /**
     * {@return the file as the user gave it}
     */
    public String file() {
        return file;
    }

    /**
     * {@return what is wrong, without the file name ({@code No such file or directory}, ...)}
     */
    public String reason() {
        return reason;
    }
}
