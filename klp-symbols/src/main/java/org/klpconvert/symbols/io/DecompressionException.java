package org.klpconvert.symbols.io;

import org.klpconvert.elf.io.InputFileException;

/**
 * Compressed data that cannot be decompressed: a bad header, corrupt or truncated data, or
 * output beyond the bound. The message reads {@code <file>: <reason>}; unlike its parent's
 * cases, the file was read, and its content is what is wrong.
 */
public final class DecompressionException extends InputFileException {
    private static final long serialVersionUID = 1L;

    /**
     * Compressed data of {@code file} that cannot be unpacked; the message is
     * {@code <file>: <reason>}.
     *
     * @param file   the file (or source name) being decompressed
     * @param reason what is wrong, naming the format, without the file name
     * @param cause  the decompressor's error, or {@code null}
     */
    public DecompressionException(String file, String reason, Throwable cause) {
        super(file, reason, cause);
    }
}
