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
    R_390_NONE(0, true),
    R_390_8(1, true),
    R_390_12(2, true),
    R_390_16(3, true),
    R_390_32(4, true),
    R_390_PC32(5, true),
    R_390_GOT12(6, true),
    R_390_GOT32(7, true),
    R_390_PLT32(8, true),
    R_390_COPY(9, false),
    R_390_GLOB_DAT(10, false),
    R_390_JMP_SLOT(11, false),
    R_390_RELATIVE(12, false),
    R_390_GOTOFF32(13, true),
    R_390_GOTPC(14, true),
    R_390_GOT16(15, true),
    R_390_PC16(16, true),
    R_390_PC16DBL(17, true),
    R_390_PLT16DBL(18, true),
    R_390_PC32DBL(19, true),
    R_390_PLT32DBL(20, true),
    R_390_GOTPCDBL(21, true),
    R_390_64(22, true),
    R_390_PC64(23, true),
    R_390_GOT64(24, true),
    R_390_PLT64(25, true),
    R_390_GOTENT(26, true),
    R_390_GOTOFF16(27, true),
    R_390_GOTOFF64(28, true),
    R_390_GOTPLT12(29, true),
    R_390_GOTPLT16(30, true),
    R_390_GOTPLT32(31, true),
    R_390_GOTPLT64(32, true),
    R_390_GOTPLTENT(33, true),
    R_390_PLTOFF16(34, true),
    R_390_PLTOFF32(35, true),
    R_390_PLTOFF64(36, true),
    R_390_TLS_LOAD(37, false),
    R_390_TLS_GDCALL(38, false),
    R_390_TLS_LDCALL(39, false),
    R_390_TLS_GD32(40, false),
    R_390_TLS_GD64(41, false),
    R_390_TLS_GOTIE12(42, false),
    R_390_TLS_GOTIE32(43, false),
    R_390_TLS_GOTIE64(44, false),
    R_390_TLS_LDM32(45, false),
    R_390_TLS_LDM64(46, false),
    R_390_TLS_IE32(47, false),
    R_390_TLS_IE64(48, false),
    R_390_TLS_IEENT(49, false),
    R_390_TLS_LE32(50, false),
    R_390_TLS_LE64(51, false),
    R_390_TLS_LDO32(52, false),
    R_390_TLS_LDO64(53, false),
    R_390_TLS_DTPMOD(54, false),
    R_390_TLS_DTPOFF(55, false),
    R_390_TLS_TPOFF(56, false),
    R_390_20(57, true),
    R_390_GOT20(58, true),
    R_390_GOTPLT20(59, true),
    R_390_TLS_GOTIE20(60, false),
    R_390_IRELATIVE(61, false),
    R_390_PC12DBL(62, false),
    R_390_PLT12DBL(63, false),
    R_390_PC24DBL(64, false),
    R_390_PLT24DBL(65, false),
    R_390_GNU_VTINHERIT(250, false),
    R_390_GNU_VTENTRY(251, false);

    private static final CodeIndex<S390RelocationType> BY_CODE = new CodeIndex<>(values());

    private final Code entry;

    S390RelocationType(int code, boolean kernelAccepts) {
        this.entry = new Code(code, kernelAccepts);
    }

    /** The type with that {@code r_type} value, if readelf knows one. */
    public static Optional<S390RelocationType> of(int code) {
        return BY_CODE.find(code);
    }

    @Override
    public Code entry() {
        return entry;
    }
}
