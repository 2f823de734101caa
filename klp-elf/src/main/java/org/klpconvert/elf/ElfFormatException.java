package org.klpconvert.elf;

/**
 * The input is not a well-formed ELF object. The message reads
 * {@code <file>: <reason>}; {@link #offset()} is the file offset of the offending field or
 * structure, or -1 when no single offset applies.
 */
public class ElfFormatException extends KlpException {
    private static final long serialVersionUID = 1L;

    private final String file;
    private final long offset;
    private final String reason;

    public ElfFormatException(String file, long offset, String reason) {
        super(file + ": " + reason);
        this.file = file;
        this.offset = offset;
        this.reason = reason;
    }

    /** The file (or source name) being read. */
    public String file() {
        return file;
    }

    /** File offset of the problem, or -1. */
    public long offset() {
        return offset;
    }

    /** What is wrong, without the file name. */
    public String reason() {
        return reason;
    }
}
