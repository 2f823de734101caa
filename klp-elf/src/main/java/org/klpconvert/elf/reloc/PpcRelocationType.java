package org.klpconvert.elf.reloc;

import java.util.Optional;

/**
 * Relocation types of ppc32 ({@code EM_PPC}): every type GNU readelf 2.40 has a name for,
 * constant name = readelf's spelling. Kernel acceptance follows
 * arch/powerpc/kernel/module_32.c. There is no NONE case (kernel-rules.md section 7).
 */
public enum PpcRelocationType implements TableEntry {
    /** {@code r_type} 0, refused by the ppc32 module loader. */
    R_PPC_NONE(0, false),
    /** {@code r_type} 1, applied by the ppc32 module loader. */
    R_PPC_ADDR32(1, true),
    /** {@code r_type} 2, refused by the ppc32 module loader. */
    R_PPC_ADDR24(2, false),
    /** {@code r_type} 3, refused by the ppc32 module loader. */
    R_PPC_ADDR16(3, false),
    /** {@code r_type} 4, applied by the ppc32 module loader. */
    R_PPC_ADDR16_LO(4, true),
    /** {@code r_type} 5, applied by the ppc32 module loader. */
    R_PPC_ADDR16_HI(5, true),
    /** {@code r_type} 6, applied by the ppc32 module loader. */
    R_PPC_ADDR16_HA(6, true),
    /** {@code r_type} 7, refused by the ppc32 module loader. */
    R_PPC_ADDR14(7, false),
    /** {@code r_type} 8, refused by the ppc32 module loader. */
    R_PPC_ADDR14_BRTAKEN(8, false),
    /** {@code r_type} 9, refused by the ppc32 module loader. */
    R_PPC_ADDR14_BRNTAKEN(9, false),
    /** {@code r_type} 10, applied by the ppc32 module loader. */
    R_PPC_REL24(10, true),
    /** {@code r_type} 11, refused by the ppc32 module loader. */
    R_PPC_REL14(11, false),
    /** {@code r_type} 12, refused by the ppc32 module loader. */
    R_PPC_REL14_BRTAKEN(12, false),
    /** {@code r_type} 13, refused by the ppc32 module loader. */
    R_PPC_REL14_BRNTAKEN(13, false),
    /** {@code r_type} 14, refused by the ppc32 module loader. */
    R_PPC_GOT16(14, false),
    /** {@code r_type} 15, refused by the ppc32 module loader. */
    R_PPC_GOT16_LO(15, false),
    /** {@code r_type} 16, refused by the ppc32 module loader. */
    R_PPC_GOT16_HI(16, false),
    /** {@code r_type} 17, refused by the ppc32 module loader. */
    R_PPC_GOT16_HA(17, false),
    /** {@code r_type} 18, refused by the ppc32 module loader. */
    R_PPC_PLTREL24(18, false),
    /** {@code r_type} 19, refused by the ppc32 module loader. */
    R_PPC_COPY(19, false),
    /** {@code r_type} 20, refused by the ppc32 module loader. */
    R_PPC_GLOB_DAT(20, false),
    /** {@code r_type} 21, refused by the ppc32 module loader. */
    R_PPC_JMP_SLOT(21, false),
    /** {@code r_type} 22, refused by the ppc32 module loader. */
    R_PPC_RELATIVE(22, false),
    /** {@code r_type} 23, refused by the ppc32 module loader. */
    R_PPC_LOCAL24PC(23, false),
    /** {@code r_type} 24, refused by the ppc32 module loader. */
    R_PPC_UADDR32(24, false),
    /** {@code r_type} 25, refused by the ppc32 module loader. */
    R_PPC_UADDR16(25, false),
    /** {@code r_type} 26, applied by the ppc32 module loader. */
    R_PPC_REL32(26, true),
    /** {@code r_type} 27, refused by the ppc32 module loader. */
    R_PPC_PLT32(27, false),
    /** {@code r_type} 28, refused by the ppc32 module loader. */
    R_PPC_PLTREL32(28, false),
    /** {@code r_type} 29, refused by the ppc32 module loader. */
    R_PPC_PLT16_LO(29, false),
    /** {@code r_type} 30, refused by the ppc32 module loader. */
    R_PPC_PLT16_HI(30, false),
    /** {@code r_type} 31, refused by the ppc32 module loader. */
    R_PPC_PLT16_HA(31, false),
    /** {@code r_type} 32, refused by the ppc32 module loader. */
    R_PPC_SDAREL16(32, false),
    /** {@code r_type} 33, refused by the ppc32 module loader. */
    R_PPC_SECTOFF(33, false),
    /** {@code r_type} 34, refused by the ppc32 module loader. */
    R_PPC_SECTOFF_LO(34, false),
    /** {@code r_type} 35, refused by the ppc32 module loader. */
    R_PPC_SECTOFF_HI(35, false),
    /** {@code r_type} 36, refused by the ppc32 module loader. */
    R_PPC_SECTOFF_HA(36, false),
    /** {@code r_type} 37, refused by the ppc32 module loader. */
    R_PPC_ADDR30(37, false),
    /** {@code r_type} 67, refused by the ppc32 module loader. */
    R_PPC_TLS(67, false),
    /** {@code r_type} 68, refused by the ppc32 module loader. */
    R_PPC_DTPMOD32(68, false),
    /** {@code r_type} 69, refused by the ppc32 module loader. */
    R_PPC_TPREL16(69, false),
    /** {@code r_type} 70, refused by the ppc32 module loader. */
    R_PPC_TPREL16_LO(70, false),
    /** {@code r_type} 71, refused by the ppc32 module loader. */
    R_PPC_TPREL16_HI(71, false),
    /** {@code r_type} 72, refused by the ppc32 module loader. */
    R_PPC_TPREL16_HA(72, false),
    /** {@code r_type} 73, refused by the ppc32 module loader. */
    R_PPC_TPREL32(73, false),
    /** {@code r_type} 74, refused by the ppc32 module loader. */
    R_PPC_DTPREL16(74, false),
    /** {@code r_type} 75, refused by the ppc32 module loader. */
    R_PPC_DTPREL16_LO(75, false),
    /** {@code r_type} 76, refused by the ppc32 module loader. */
    R_PPC_DTPREL16_HI(76, false),
    /** {@code r_type} 77, refused by the ppc32 module loader. */
    R_PPC_DTPREL16_HA(77, false),
    /** {@code r_type} 78, refused by the ppc32 module loader. */
    R_PPC_DTPREL32(78, false),
    /** {@code r_type} 79, refused by the ppc32 module loader. */
    R_PPC_GOT_TLSGD16(79, false),
    /** {@code r_type} 80, refused by the ppc32 module loader. */
    R_PPC_GOT_TLSGD16_LO(80, false),
    /** {@code r_type} 81, refused by the ppc32 module loader. */
    R_PPC_GOT_TLSGD16_HI(81, false),
    /** {@code r_type} 82, refused by the ppc32 module loader. */
    R_PPC_GOT_TLSGD16_HA(82, false),
    /** {@code r_type} 83, refused by the ppc32 module loader. */
    R_PPC_GOT_TLSLD16(83, false),
    /** {@code r_type} 84, refused by the ppc32 module loader. */
    R_PPC_GOT_TLSLD16_LO(84, false),
    /** {@code r_type} 85, refused by the ppc32 module loader. */
    R_PPC_GOT_TLSLD16_HI(85, false),
    /** {@code r_type} 86, refused by the ppc32 module loader. */
    R_PPC_GOT_TLSLD16_HA(86, false),
    /** {@code r_type} 87, refused by the ppc32 module loader. */
    R_PPC_GOT_TPREL16(87, false),
    /** {@code r_type} 88, refused by the ppc32 module loader. */
    R_PPC_GOT_TPREL16_LO(88, false),
    /** {@code r_type} 89, refused by the ppc32 module loader. */
    R_PPC_GOT_TPREL16_HI(89, false),
    /** {@code r_type} 90, refused by the ppc32 module loader. */
    R_PPC_GOT_TPREL16_HA(90, false),
    /** {@code r_type} 91, refused by the ppc32 module loader. */
    R_PPC_GOT_DTPREL16(91, false),
    /** {@code r_type} 92, refused by the ppc32 module loader. */
    R_PPC_GOT_DTPREL16_LO(92, false),
    /** {@code r_type} 93, refused by the ppc32 module loader. */
    R_PPC_GOT_DTPREL16_HI(93, false),
    /** {@code r_type} 94, refused by the ppc32 module loader. */
    R_PPC_GOT_DTPREL16_HA(94, false),
    /** {@code r_type} 95, refused by the ppc32 module loader. */
    R_PPC_TLSGD(95, false),
    /** {@code r_type} 96, refused by the ppc32 module loader. */
    R_PPC_TLSLD(96, false),
    /** {@code r_type} 101, refused by the ppc32 module loader. */
    R_PPC_EMB_NADDR32(101, false),
    /** {@code r_type} 102, refused by the ppc32 module loader. */
    R_PPC_EMB_NADDR16(102, false),
    /** {@code r_type} 103, refused by the ppc32 module loader. */
    R_PPC_EMB_NADDR16_LO(103, false),
    /** {@code r_type} 104, refused by the ppc32 module loader. */
    R_PPC_EMB_NADDR16_HI(104, false),
    /** {@code r_type} 105, refused by the ppc32 module loader. */
    R_PPC_EMB_NADDR16_HA(105, false),
    /** {@code r_type} 106, refused by the ppc32 module loader. */
    R_PPC_EMB_SDAI16(106, false),
    /** {@code r_type} 107, refused by the ppc32 module loader. */
    R_PPC_EMB_SDA2I16(107, false),
    /** {@code r_type} 108, refused by the ppc32 module loader. */
    R_PPC_EMB_SDA2REL(108, false),
    /** {@code r_type} 109, refused by the ppc32 module loader. */
    R_PPC_EMB_SDA21(109, false),
    /** {@code r_type} 110, refused by the ppc32 module loader. */
    R_PPC_EMB_MRKREF(110, false),
    /** {@code r_type} 111, refused by the ppc32 module loader. */
    R_PPC_EMB_RELSEC16(111, false),
    /** {@code r_type} 112, refused by the ppc32 module loader. */
    R_PPC_EMB_RELST_LO(112, false),
    /** {@code r_type} 113, refused by the ppc32 module loader. */
    R_PPC_EMB_RELST_HI(113, false),
    /** {@code r_type} 114, refused by the ppc32 module loader. */
    R_PPC_EMB_RELST_HA(114, false),
    /** {@code r_type} 115, refused by the ppc32 module loader. */
    R_PPC_EMB_BIT_FLD(115, false),
    /** {@code r_type} 116, refused by the ppc32 module loader. */
    R_PPC_EMB_RELSDA(116, false),
    /** {@code r_type} 119, refused by the ppc32 module loader. */
    R_PPC_PLTSEQ(119, false),
    /** {@code r_type} 120, refused by the ppc32 module loader. */
    R_PPC_PLTCALL(120, false),
    /** {@code r_type} 216, refused by the ppc32 module loader. */
    R_PPC_VLE_REL8(216, false),
    /** {@code r_type} 217, refused by the ppc32 module loader. */
    R_PPC_VLE_REL15(217, false),
    /** {@code r_type} 218, refused by the ppc32 module loader. */
    R_PPC_VLE_REL24(218, false),
    /** {@code r_type} 219, refused by the ppc32 module loader. */
    R_PPC_VLE_LO16A(219, false),
    /** {@code r_type} 220, refused by the ppc32 module loader. */
    R_PPC_VLE_LO16D(220, false),
    /** {@code r_type} 221, refused by the ppc32 module loader. */
    R_PPC_VLE_HI16A(221, false),
    /** {@code r_type} 222, refused by the ppc32 module loader. */
    R_PPC_VLE_HI16D(222, false),
    /** {@code r_type} 223, refused by the ppc32 module loader. */
    R_PPC_VLE_HA16A(223, false),
    /** {@code r_type} 224, refused by the ppc32 module loader. */
    R_PPC_VLE_HA16D(224, false),
    /** {@code r_type} 225, refused by the ppc32 module loader. */
    R_PPC_VLE_SDA21(225, false),
    /** {@code r_type} 226, refused by the ppc32 module loader. */
    R_PPC_VLE_SDA21_LO(226, false),
    /** {@code r_type} 227, refused by the ppc32 module loader. */
    R_PPC_VLE_SDAREL_LO16A(227, false),
    /** {@code r_type} 228, refused by the ppc32 module loader. */
    R_PPC_VLE_SDAREL_LO16D(228, false),
    /** {@code r_type} 229, refused by the ppc32 module loader. */
    R_PPC_VLE_SDAREL_HI16A(229, false),
    /** {@code r_type} 230, refused by the ppc32 module loader. */
    R_PPC_VLE_SDAREL_HI16D(230, false),
    /** {@code r_type} 231, refused by the ppc32 module loader. */
    R_PPC_VLE_SDAREL_HA16A(231, false),
    /** {@code r_type} 232, refused by the ppc32 module loader. */
    R_PPC_VLE_SDAREL_HA16D(232, false),
    /** {@code r_type} 233, refused by the ppc32 module loader. */
    R_PPC_VLE_ADDR20(233, false),
    /** {@code r_type} 246, refused by the ppc32 module loader. */
    R_PPC_REL16DX_HA(246, false),
    /** {@code r_type} 248, refused by the ppc32 module loader. */
    R_PPC_IRELATIVE(248, false),
    /** {@code r_type} 249, refused by the ppc32 module loader. */
    R_PPC_REL16(249, false),
    /** {@code r_type} 250, refused by the ppc32 module loader. */
    R_PPC_REL16_LO(250, false),
    /** {@code r_type} 251, refused by the ppc32 module loader. */
    R_PPC_REL16_HI(251, false),
    /** {@code r_type} 252, refused by the ppc32 module loader. */
    R_PPC_REL16_HA(252, false),
    /** {@code r_type} 253, refused by the ppc32 module loader. */
    R_PPC_GNU_VTINHERIT(253, false),
    /** {@code r_type} 254, refused by the ppc32 module loader. */
    R_PPC_GNU_VTENTRY(254, false),
    /** {@code r_type} 255, refused by the ppc32 module loader. */
    R_PPC_TOC16(255, false);

    private static final CodeIndex<PpcRelocationType> BY_CODE = new CodeIndex<>(values());

    private final Code entry;

    PpcRelocationType(int code, boolean kernelAccepts) {
        this.entry = new Code(code, kernelAccepts);
    }

    /**
     * {@return the type with that {@code r_type} value, if readelf knows one}
     *
     * @param code the {@code r_type} value
     */
    public static Optional<PpcRelocationType> of(int code) {
        return BY_CODE.find(code);
    }

    @Override
    public Code entry() {
        return entry;
    }
}
