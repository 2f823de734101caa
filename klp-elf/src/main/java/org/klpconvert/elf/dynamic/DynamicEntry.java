package org.klpconvert.elf.dynamic;

/**
 * One entry of the dynamic section.
 *
 * @param tag {@code d_tag} (zero-extended from 32 bits in ELF32)
 * @param value {@code d_un}, the value or address
 */
public record DynamicEntry(long tag, long value) {
    /** End of the array. */
    public static final long DT_NULL = 0;
    /** A needed library (string). */
    public static final long DT_NEEDED = 1;
    /** The string table's address. */
    public static final long DT_STRTAB = 5;
    /** The string table's size. */
    public static final long DT_STRSZ = 10;
    /** This object's name (string). */
    public static final long DT_SONAME = 14;
    /** Library search path (string, obsolete). */
    public static final long DT_RPATH = 15;
    /** Library search path (string). */
    public static final long DT_RUNPATH = 29;
    /** Flags ({@code DF_*}). */
    public static final long DT_FLAGS = 30;
    /** The {@code .gnu.version} table's address. */
    public static final long DT_VERSYM = 0x6ffffff0L;
    /** Flags ({@code DF_1_*}). */
    public static final long DT_FLAGS_1 = 0x6ffffffbL;
    /** The version definitions' address. */
    public static final long DT_VERDEF = 0x6ffffffcL;
    /** The version requirements' address. */
    public static final long DT_VERNEED = 0x6ffffffeL;
    /** {@code DT_FLAGS_1} bit: a position-independent executable. */
    public static final long DF_1_PIE = 0x08000000L;
}
