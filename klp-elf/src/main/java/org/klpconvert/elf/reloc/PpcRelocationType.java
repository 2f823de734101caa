package org.klpconvert.elf.reloc;

import java.util.Optional;

/**
 * Relocation types of ppc32 ({@code EM_PPC}): every type GNU readelf 2.40 has a name for,
 * constant name = readelf's spelling. Kernel acceptance follows
 * arch/powerpc/kernel/module_32.c. There is no NONE case (kernel-rules.md section 7).
 */
public enum PpcRelocationType implements TableEntry {
    R_PPC_NONE(0, false),
    R_PPC_ADDR32(1, true),
    R_PPC_ADDR24(2, false),
    R_PPC_ADDR16(3, false),
    R_PPC_ADDR16_LO(4, true),
    R_PPC_ADDR16_HI(5, true),
    R_PPC_ADDR16_HA(6, true),
    R_PPC_ADDR14(7, false),
    R_PPC_ADDR14_BRTAKEN(8, false),
    R_PPC_ADDR14_BRNTAKEN(9, false),
    R_PPC_REL24(10, true),
    R_PPC_REL14(11, false),
    R_PPC_REL14_BRTAKEN(12, false),
    R_PPC_REL14_BRNTAKEN(13, false),
    R_PPC_GOT16(14, false),
    R_PPC_GOT16_LO(15, false),
    R_PPC_GOT16_HI(16, false),
    R_PPC_GOT16_HA(17, false),
    R_PPC_PLTREL24(18, false),
    R_PPC_COPY(19, false),
    R_PPC_GLOB_DAT(20, false),
    R_PPC_JMP_SLOT(21, false),
    R_PPC_RELATIVE(22, false),
    R_PPC_LOCAL24PC(23, false),
    R_PPC_UADDR32(24, false),
    R_PPC_UADDR16(25, false),
    R_PPC_REL32(26, true),
    R_PPC_PLT32(27, false),
    R_PPC_PLTREL32(28, false),
    R_PPC_PLT16_LO(29, false),
    R_PPC_PLT16_HI(30, false),
    R_PPC_PLT16_HA(31, false),
    R_PPC_SDAREL16(32, false),
    R_PPC_SECTOFF(33, false),
    R_PPC_SECTOFF_LO(34, false),
    R_PPC_SECTOFF_HI(35, false),
    R_PPC_SECTOFF_HA(36, false),
    R_PPC_ADDR30(37, false),
    R_PPC_TLS(67, false),
    R_PPC_DTPMOD32(68, false),
    R_PPC_TPREL16(69, false),
    R_PPC_TPREL16_LO(70, false),
    R_PPC_TPREL16_HI(71, false),
    R_PPC_TPREL16_HA(72, false),
    R_PPC_TPREL32(73, false),
    R_PPC_DTPREL16(74, false),
    R_PPC_DTPREL16_LO(75, false),
    R_PPC_DTPREL16_HI(76, false),
    R_PPC_DTPREL16_HA(77, false),
    R_PPC_DTPREL32(78, false),
    R_PPC_GOT_TLSGD16(79, false),
    R_PPC_GOT_TLSGD16_LO(80, false),
    R_PPC_GOT_TLSGD16_HI(81, false),
    R_PPC_GOT_TLSGD16_HA(82, false),
    R_PPC_GOT_TLSLD16(83, false),
    R_PPC_GOT_TLSLD16_LO(84, false),
    R_PPC_GOT_TLSLD16_HI(85, false),
    R_PPC_GOT_TLSLD16_HA(86, false),
    R_PPC_GOT_TPREL16(87, false),
    R_PPC_GOT_TPREL16_LO(88, false),
    R_PPC_GOT_TPREL16_HI(89, false),
    R_PPC_GOT_TPREL16_HA(90, false),
    R_PPC_GOT_DTPREL16(91, false),
    R_PPC_GOT_DTPREL16_LO(92, false),
    R_PPC_GOT_DTPREL16_HI(93, false),
    R_PPC_GOT_DTPREL16_HA(94, false),
    R_PPC_TLSGD(95, false),
    R_PPC_TLSLD(96, false),
    R_PPC_EMB_NADDR32(101, false),
    R_PPC_EMB_NADDR16(102, false),
    R_PPC_EMB_NADDR16_LO(103, false),
    R_PPC_EMB_NADDR16_HI(104, false),
    R_PPC_EMB_NADDR16_HA(105, false),
    R_PPC_EMB_SDAI16(106, false),
    R_PPC_EMB_SDA2I16(107, false),
    R_PPC_EMB_SDA2REL(108, false),
    R_PPC_EMB_SDA21(109, false),
    R_PPC_EMB_MRKREF(110, false),
    R_PPC_EMB_RELSEC16(111, false),
    R_PPC_EMB_RELST_LO(112, false),
    R_PPC_EMB_RELST_HI(113, false),
    R_PPC_EMB_RELST_HA(114, false),
    R_PPC_EMB_BIT_FLD(115, false),
    R_PPC_EMB_RELSDA(116, false),
    R_PPC_PLTSEQ(119, false),
    R_PPC_PLTCALL(120, false),
    R_PPC_VLE_REL8(216, false),
    R_PPC_VLE_REL15(217, false),
    R_PPC_VLE_REL24(218, false),
    R_PPC_VLE_LO16A(219, false),
    R_PPC_VLE_LO16D(220, false),
    R_PPC_VLE_HI16A(221, false),
    R_PPC_VLE_HI16D(222, false),
    R_PPC_VLE_HA16A(223, false),
    R_PPC_VLE_HA16D(224, false),
    R_PPC_VLE_SDA21(225, false),
    R_PPC_VLE_SDA21_LO(226, false),
    R_PPC_VLE_SDAREL_LO16A(227, false),
    R_PPC_VLE_SDAREL_LO16D(228, false),
    R_PPC_VLE_SDAREL_HI16A(229, false),
    R_PPC_VLE_SDAREL_HI16D(230, false),
    R_PPC_VLE_SDAREL_HA16A(231, false),
    R_PPC_VLE_SDAREL_HA16D(232, false),
    R_PPC_VLE_ADDR20(233, false),
    R_PPC_REL16DX_HA(246, false),
    R_PPC_IRELATIVE(248, false),
    R_PPC_REL16(249, false),
    R_PPC_REL16_LO(250, false),
    R_PPC_REL16_HI(251, false),
    R_PPC_REL16_HA(252, false),
    R_PPC_GNU_VTINHERIT(253, false),
    R_PPC_GNU_VTENTRY(254, false),
    R_PPC_TOC16(255, false);

    private static final CodeIndex<PpcRelocationType> BY_CODE = new CodeIndex<>(values());

    private final Code entry;

    PpcRelocationType(int code, boolean kernelAccepts) {
        this.entry = new Code(code, kernelAccepts);
    }

    /** The type with that {@code r_type} value, if readelf knows one. */
    public static Optional<PpcRelocationType> of(int code) {
        return BY_CODE.find(code);
    }

    @Override
    public Code entry() {
        return entry;
    }
}
