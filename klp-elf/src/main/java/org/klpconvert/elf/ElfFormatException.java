package org.klpconvert.elf;

/**
 * The input is not a well-formed ELF object. The message reads
 * {@code <file>: <reason>}; {@link #offset()} is the file offset of the offending field or
 * structure, or -1 when no single offset applies.
 */
public class ElfFormatException extends KlpException {
    private static final long serialVersionUID = 1L;

    /** The file, as named in messages. */
    private final String file;
    /** The file offset of the bad field, or -1. */
    private final long offset;
    /** What is wrong, without the file name. */
    private final String reason;

    /**
     * A malformed-object error; the message is {@code <file>: <reason>}.
     *
     * @param file the file, as named in messages
     * @param offset the file offset of the bad field, or -1
     * @param reason what is wrong
     */
    public ElfFormatException(String file, long offset, String reason) {
        super(file + ": " + reason);
        this.file = file;
        this.offset = offset;
        this.reason = reason;
    }

    /** {@return the file (or source name) being read} */
    public String file() {
        return file;
    }

    /** {@return file offset of the problem, or -1} */
    public long offset() {
        return offset;
    }

    /** {@return what is wrong, without the file name} */
    public String reason() {
        return reason;
    }
}
