package org.klpconvert.elf.reloc;

import java.util.Optional;

/**
 * Relocation types of s390 and s390x ({@code EM_S390}): every type GNU readelf 2.40 has a name
 * for, constant name = readelf's spelling. Kernel acceptance follows
 * arch/s390/kernel/module.c: COPY, GLOB_DAT, JMP_SLOT and RELATIVE are refused; TLS types are
 * unknown to it; the 12/24-bit DBL types (62 to 65) are not confirmed and count as refused
 * (kernel-rules.md section 7).
 */
public enum S390RelocationType implements TableEntry {
    /** {@code r_type} 0, applied by the s390 module loader. */
    R_390_NONE(0, true),
    /** {@code r_type} 1, applied by the s390 module loader. */
    R_390_8(1, true),
    /** {@code r_type} 2, applied by the s390 module loader. */
    R_390_12(2, true),
    /** {@code r_type} 3, applied by the s390 module loader. */
    R_390_16(3, true),
    /** {@code r_type} 4, applied by the s390 module loader. */
    R_390_32(4, true),
    /** {@code r_type} 5, applied by the s390 module loader. */
    R_390_PC32(5, true),
    /** {@code r_type} 6, applied by the s390 module loader. */
    R_390_GOT12(6, true),
    /** {@code r_type} 7, applied by the s390 module loader. */
    R_390_GOT32(7, true),
    /** {@code r_type} 8, applied by the s390 module loader. */
    R_390_PLT32(8, true),
    /** {@code r_type} 9, refused by the s390 module loader. */
    R_390_COPY(9, false),
    /** {@code r_type} 10, refused by the s390 module loader. */
    R_390_GLOB_DAT(10, false),
    /** {@code r_type} 11, refused by the s390 module loader. */
    R_390_JMP_SLOT(11, false),
    /** {@code r_type} 12, refused by the s390 module loader. */
    R_390_RELATIVE(12, false),
    /** {@code r_type} 13, applied by the s390 module loader. */
    R_390_GOTOFF32(13, true),
    /** {@code r_type} 14, applied by the s390 module loader. */
    R_390_GOTPC(14, true),
    /** {@code r_type} 15, applied by the s390 module loader. */
    R_390_GOT16(15, true),
    /** {@code r_type} 16, applied by the s390 module loader. */
    R_390_PC16(16, true),
    /** {@code r_type} 17, applied by the s390 module loader. */
    R_390_PC16DBL(17, true),
    /** {@code r_type} 18, applied by the s390 module loader. */
    R_390_PLT16DBL(18, true),
    /** {@code r_type} 19, applied by the s390 module loader. */
    R_390_PC32DBL(19, true),
    /** {@code r_type} 20, applied by the s390 module loader. */
    R_390_PLT32DBL(20, true),
    /** {@code r_type} 21, applied by the s390 module loader. */
    R_390_GOTPCDBL(21, true),
    /** {@code r_type} 22, applied by the s390 module loader. */
    R_390_64(22, true),
    /** {@code r_type} 23, applied by the s390 module loader. */
    R_390_PC64(23, true),
    /** {@code r_type} 24, applied by the s390 module loader. */
    R_390_GOT64(24, true),
    /** {@code r_type} 25, applied by the s390 module loader. */
    R_390_PLT64(25, true),
    /** {@code r_type} 26, applied by the s390 module loader. */
    R_390_GOTENT(26, true),
    /** {@code r_type} 27, applied by the s390 module loader. */
    R_390_GOTOFF16(27, true),
    /** {@code r_type} 28, applied by the s390 module loader. */
    R_390_GOTOFF64(28, true),
    /** {@code r_type} 29, applied by the s390 module loader. */
    R_390_GOTPLT12(29, true),
    /** {@code r_type} 30, applied by the s390 module loader. */
    R_390_GOTPLT16(30, true),
    /** {@code r_type} 31, applied by the s390 module loader. */
    R_390_GOTPLT32(31, true),
    /** {@code r_type} 32, applied by the s390 module loader. */
    R_390_GOTPLT64(32, true),
    /** {@code r_type} 33, applied by the s390 module loader. */
    R_390_GOTPLTENT(33, true),
    /** {@code r_type} 34, applied by the s390 module loader. */
    R_390_PLTOFF16(34, true),
    /** {@code r_type} 35, applied by the s390 module loader. */
    R_390_PLTOFF32(35, true),
    /** {@code r_type} 36, applied by the s390 module loader. */
    R_390_PLTOFF64(36, true),
    /** {@code r_type} 37, refused by the s390 module loader. */
    R_390_TLS_LOAD(37, false),
    /** {@code r_type} 38, refused by the s390 module loader. */
    R_390_TLS_GDCALL(38, false),
    /** {@code r_type} 39, refused by the s390 module loader. */
    R_390_TLS_LDCALL(39, false),
    /** {@code r_type} 40, refused by the s390 module loader. */
    R_390_TLS_GD32(40, false),
    /** {@code r_type} 41, refused by the s390 module loader. */
    R_390_TLS_GD64(41, false),
    /** {@code r_type} 42, refused by the s390 module loader. */
    R_390_TLS_GOTIE12(42, false),
    /** {@code r_type} 43, refused by the s390 module loader. */
    R_390_TLS_GOTIE32(43, false),
    /** {@code r_type} 44, refused by the s390 module loader. */
    R_390_TLS_GOTIE64(44, false),
    /** {@code r_type} 45, refused by the s390 module loader. */
    R_390_TLS_LDM32(45, false),
    /** {@code r_type} 46, refused by the s390 module loader. */
    R_390_TLS_LDM64(46, false),
    /** {@code r_type} 47, refused by the s390 module loader. */
    R_390_TLS_IE32(47, false),
    /** {@code r_type} 48, refused by the s390 module loader. */
    R_390_TLS_IE64(48, false),
    /** {@code r_type} 49, refused by the s390 module loader. */
    R_390_TLS_IEENT(49, false),
    /** {@code r_type} 50, refused by the s390 module loader. */
    R_390_TLS_LE32(50, false),
    /** {@code r_type} 51, refused by the s390 module loader. */
    R_390_TLS_LE64(51, false),
    /** {@code r_type} 52, refused by the s390 module loader. */
    R_390_TLS_LDO32(52, false),
    /** {@code r_type} 53, refused by the s390 module loader. */
    R_390_TLS_LDO64(53, false),
    /** {@code r_type} 54, refused by the s390 module loader. */
    R_390_TLS_DTPMOD(54, false),
    /** {@code r_type} 55, refused by the s390 module loader. */
    R_390_TLS_DTPOFF(55, false),
    /** {@code r_type} 56, refused by the s390 module loader. */
    R_390_TLS_TPOFF(56, false),
    /** {@code r_type} 57, applied by the s390 module loader. */
    R_390_20(57, true),
    /** {@code r_type} 58, applied by the s390 module loader. */
    R_390_GOT20(58, true),
    /** {@code r_type} 59, applied by the s390 module loader. */
    R_390_GOTPLT20(59, true),
    /** {@code r_type} 60, refused by the s390 module loader. */
    R_390_TLS_GOTIE20(60, false),
    /** {@code r_type} 61, refused by the s390 module loader. */
    R_390_IRELATIVE(61, false),
    /** {@code r_type} 62, refused by the s390 module loader. */
    R_390_PC12DBL(62, false),
    /** {@code r_type} 63, refused by the s390 module loader. */
    R_390_PLT12DBL(63, false),
    /** {@code r_type} 64, refused by the s390 module loader. */
    R_390_PC24DBL(64, false),
    /** {@code r_type} 65, refused by the s390 module loader. */
    R_390_PLT24DBL(65, false),
    /** {@code r_type} 250, refused by the s390 module loader. */
    R_390_GNU_VTINHERIT(250, false),
    /** {@code r_type} 251, refused by the s390 module loader. */
    R_390_GNU_VTENTRY(251, false);

    private static final CodeIndex<S390RelocationType> BY_CODE = new CodeIndex<>(values());

    private final Code entry;

    S390RelocationType(int code, boolean kernelAccepts) {
        this.entry = new Code(code, kernelAccepts);
    }

    /**
     * {@return the type with that {@code r_type} value, if readelf knows one}
     *
     * @param code the {@code r_type} value
     */
    public static Optional<S390RelocationType> of(int code) {
        return BY_CODE.find(code);
    }

    @Override
    public Code entry() {
        return entry;
    }
}
