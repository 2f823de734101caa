package org.klpconvert.symbols.io;

import org.klpconvert.elf.KlpException;

/**
 * Compressed data that cannot be decompressed: a bad header, corrupt or truncated data, or
 * output beyond the bound. The message reads {@code <file>: <reason>}.
 */
public final class DecompressionException extends KlpException {
    private static final long serialVersionUID = 1L;

    private final String file;
    private final String reason;

    /**
     * @param file   the file (or source name) being decompressed
     * @param reason what is wrong, naming the format, without the file name
     * @param cause  the decompressor's error, or {@code null}
     */
    public DecompressionException(String file, String reason, Throwable cause) {
        super(file + ": " + reason, cause);
        this.file = file;
        this.reason = reason;
    }

    /** The file (or source name) being decompressed. */
    public String file() {
        return file;
    }

    /** What is wrong, without the file name. */
    public String reason() {
        return reason;
    }
}
