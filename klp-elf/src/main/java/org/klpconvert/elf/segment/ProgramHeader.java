package org.klpconvert.elf.segment;

/**
 * One program header as stored: {@code p_type}, {@code p_flags} and the file and memory
 * extent of the segment. Values are unsigned 64-bit quantities held in {@code long}s.
 *
 * @param index position in the program header table
 * @param type {@code p_type}, unsigned 32 bits
 * @param flags {@code p_flags} ({@link #PF_R}, {@link #PF_W}, {@link #PF_X}, ...)
 * @param offset {@code p_offset}, file offset of the segment
 * @param vaddr {@code p_vaddr}
 * @param paddr {@code p_paddr}
 * @param filesz {@code p_filesz}
 * @param memsz {@code p_memsz}
 * @param align {@code p_align}
 */
public record ProgramHeader(int index, long type, long flags, long offset, long vaddr, long paddr, long filesz,
        long memsz, long align) {

    /** Unused entry. */
    public static final long PT_NULL = 0;
    /** Loadable segment. */
    public static final long PT_LOAD = 1;
    /** Dynamic linking information. */
    public static final long PT_DYNAMIC = 2;
    /** Program interpreter path. */
    public static final long PT_INTERP = 3;
    /** Notes. */
    public static final long PT_NOTE = 4;
    /** The program header table itself. */
    public static final long PT_PHDR = 6;
    /** Thread-local storage template. */
    public static final long PT_TLS = 7;
    /** GNU: {@code .eh_frame_hdr}. */
    public static final long PT_GNU_EH_FRAME = 0x6474e550L;
    /** GNU: stack executability. */
    public static final long PT_GNU_STACK = 0x6474e551L;
    /** GNU: read-only after relocation. */
    public static final long PT_GNU_RELRO = 0x6474e552L;
    /** GNU: {@code .note.gnu.property}. */
    public static final long PT_GNU_PROPERTY = 0x6474e553L;
    /** GNU: {@code .sframe}. */
    public static final long PT_GNU_SFRAME = 0x6474e554L;
    /** First GNU MBIND segment type. */
    public static final long PT_GNU_MBIND_LO = 0x6474e555L;
    /** Last GNU MBIND segment type. */
    public static final long PT_GNU_MBIND_HI = 0x6474f554L;

    /** Segment is executable. */
    public static final long PF_X = 1;
    /** Segment is writable. */
    public static final long PF_W = 2;
    /** Segment is readable. */
    public static final long PF_R = 4;
}
