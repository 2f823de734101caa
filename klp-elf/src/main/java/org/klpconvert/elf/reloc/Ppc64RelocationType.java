package org.klpconvert.elf.reloc;

import java.util.Optional;

/**
 * Relocation types of ppc64 and ppc64le ({@code EM_PPC64}): every type GNU readelf 2.40 has a
 * name for, constant name = readelf's spelling. Kernel acceptance follows
 * arch/powerpc/kernel/module_64.c. There is no NONE case. The TOC family and TOCSAVE are
 * accepted only by kernels without CONFIG_PPC_KERNEL_PCREL, REL24_NOTOC, PCREL34 and
 * GOT_PCREL34 only by kernels with it; both sets count as accepted here (kernel-rules.md
 * section 7).
 */
public enum Ppc64RelocationType implements RelocationType {
    R_PPC64_NONE(0, false),
    R_PPC64_ADDR32(1, true),
    R_PPC64_ADDR24(2, false),
    R_PPC64_ADDR16(3, false),
    R_PPC64_ADDR16_LO(4, false),
    R_PPC64_ADDR16_HI(5, false),
    R_PPC64_ADDR16_HA(6, false),
    R_PPC64_ADDR14(7, false),
    R_PPC64_ADDR14_BRTAKEN(8, false),
    R_PPC64_ADDR14_BRNTAKEN(9, false),
    R_PPC64_REL24(10, true),
    R_PPC64_REL14(11, false),
    R_PPC64_REL14_BRTAKEN(12, false),
    R_PPC64_REL14_BRNTAKEN(13, false),
    R_PPC64_GOT16(14, false),
    R_PPC64_GOT16_LO(15, false),
    R_PPC64_GOT16_HI(16, false),
    R_PPC64_GOT16_HA(17, false),
    R_PPC64_COPY(19, false),
    R_PPC64_GLOB_DAT(20, false),
    R_PPC64_JMP_SLOT(21, false),
    R_PPC64_RELATIVE(22, false),
    R_PPC64_UADDR32(24, false),
    R_PPC64_UADDR16(25, false),
    R_PPC64_REL32(26, true),
    R_PPC64_PLT32(27, false),
    R_PPC64_PLTREL32(28, false),
    R_PPC64_PLT16_LO(29, false),
    R_PPC64_PLT16_HI(30, false),
    R_PPC64_PLT16_HA(31, false),
    R_PPC64_SECTOFF(33, false),
    R_PPC64_SECTOFF_LO(34, false),
    R_PPC64_SECTOFF_HI(35, false),
    R_PPC64_SECTOFF_HA(36, false),
    R_PPC64_REL30(37, false),
    R_PPC64_ADDR64(38, true),
    R_PPC64_ADDR16_HIGHER(39, false),
    R_PPC64_ADDR16_HIGHERA(40, false),
    R_PPC64_ADDR16_HIGHEST(41, false),
    R_PPC64_ADDR16_HIGHESTA(42, false),
    R_PPC64_UADDR64(43, false),
    R_PPC64_REL64(44, true),
    R_PPC64_PLT64(45, false),
    R_PPC64_PLTREL64(46, false),
    R_PPC64_TOC16(47, true),
    R_PPC64_TOC16_LO(48, true),
    R_PPC64_TOC16_HI(49, false),
    R_PPC64_TOC16_HA(50, true),
    R_PPC64_TOC(51, true),
    R_PPC64_PLTGOT16(52, false),
    R_PPC64_PLTGOT16_LO(53, false),
    R_PPC64_PLTGOT16_HI(54, false),
    R_PPC64_PLTGOT16_HA(55, false),
    R_PPC64_ADDR16_DS(56, false),
    R_PPC64_ADDR16_LO_DS(57, false),
    R_PPC64_GOT16_DS(58, false),
    R_PPC64_GOT16_LO_DS(59, false),
    R_PPC64_PLT16_LO_DS(60, false),
    R_PPC64_SECTOFF_DS(61, false),
    R_PPC64_SECTOFF_LO_DS(62, false),
    R_PPC64_TOC16_DS(63, true),
    R_PPC64_TOC16_LO_DS(64, true),
    R_PPC64_PLTGOT16_DS(65, false),
    R_PPC64_PLTGOT16_LO_DS(66, false),
    R_PPC64_TLS(67, false),
    R_PPC64_DTPMOD64(68, false),
    R_PPC64_TPREL16(69, false),
    R_PPC64_TPREL16_LO(70, false),
    R_PPC64_TPREL16_HI(71, false),
    R_PPC64_TPREL16_HA(72, false),
    R_PPC64_TPREL64(73, false),
    R_PPC64_DTPREL16(74, false),
    R_PPC64_DTPREL16_LO(75, false),
    R_PPC64_DTPREL16_HI(76, false),
    R_PPC64_DTPREL16_HA(77, false),
    R_PPC64_DTPREL64(78, false),
    R_PPC64_GOT_TLSGD16(79, false),
    R_PPC64_GOT_TLSGD16_LO(80, false),
    R_PPC64_GOT_TLSGD16_HI(81, false),
    R_PPC64_GOT_TLSGD16_HA(82, false),
    R_PPC64_GOT_TLSLD16(83, false),
    R_PPC64_GOT_TLSLD16_LO(84, false),
    R_PPC64_GOT_TLSLD16_HI(85, false),
    R_PPC64_GOT_TLSLD16_HA(86, false),
    R_PPC64_GOT_TPREL16_DS(87, false),
    R_PPC64_GOT_TPREL16_LO_DS(88, false),
    R_PPC64_GOT_TPREL16_HI(89, false),
    R_PPC64_GOT_TPREL16_HA(90, false),
    R_PPC64_GOT_DTPREL16_DS(91, false),
    R_PPC64_GOT_DTPREL16_LO_DS(92, false),
    R_PPC64_GOT_DTPREL16_HI(93, false),
    R_PPC64_GOT_DTPREL16_HA(94, false),
    R_PPC64_TPREL16_DS(95, false),
    R_PPC64_TPREL16_LO_DS(96, false),
    R_PPC64_TPREL16_HIGHER(97, false),
    R_PPC64_TPREL16_HIGHERA(98, false),
    R_PPC64_TPREL16_HIGHEST(99, false),
    R_PPC64_TPREL16_HIGHESTA(100, false),
    R_PPC64_DTPREL16_DS(101, false),
    R_PPC64_DTPREL16_LO_DS(102, false),
    R_PPC64_DTPREL16_HIGHER(103, false),
    R_PPC64_DTPREL16_HIGHERA(104, false),
    R_PPC64_DTPREL16_HIGHEST(105, false),
    R_PPC64_DTPREL16_HIGHESTA(106, false),
    R_PPC64_TLSGD(107, false),
    R_PPC64_TLSLD(108, false),
    R_PPC64_TOCSAVE(109, true),
    R_PPC64_ADDR16_HIGH(110, false),
    R_PPC64_ADDR16_HIGHA(111, false),
    R_PPC64_TPREL16_HIGH(112, false),
    R_PPC64_TPREL16_HIGHA(113, false),
    R_PPC64_DTPREL16_HIGH(114, false),
    R_PPC64_DTPREL16_HIGHA(115, false),
    R_PPC64_REL24_NOTOC(116, true),
    R_PPC64_ADDR64_LOCAL(117, false),
    R_PPC64_ENTRY(118, true),
    R_PPC64_PLTSEQ(119, false),
    R_PPC64_PLTCALL(120, false),
    R_PPC64_PLTSEQ_NOTOC(121, false),
    R_PPC64_PLTCALL_NOTOC(122, false),
    R_PPC64_PCREL_OPT(123, false),
    R_PPC64_REL24_P9NOTOC(124, false),
    R_PPC64_D34(128, false),
    R_PPC64_D34_LO(129, false),
    R_PPC64_D34_HI30(130, false),
    R_PPC64_D34_HA30(131, false),
    R_PPC64_PCREL34(132, true),
    R_PPC64_GOT_PCREL34(133, true),
    R_PPC64_PLT_PCREL34(134, false),
    R_PPC64_PLT_PCREL34_NOTOC(135, false),
    R_PPC64_ADDR16_HIGHER34(136, false),
    R_PPC64_ADDR16_HIGHERA34(137, false),
    R_PPC64_ADDR16_HIGHEST34(138, false),
    R_PPC64_ADDR16_HIGHESTA34(139, false),
    R_PPC64_REL16_HIGHER34(140, false),
    R_PPC64_REL16_HIGHERA34(141, false),
    R_PPC64_REL16_HIGHEST34(142, false),
    R_PPC64_REL16_HIGHESTA34(143, false),
    R_PPC64_D28(144, false),
    R_PPC64_PCREL28(145, false),
    R_PPC64_TPREL34(146, false),
    R_PPC64_DTPREL34(147, false),
    R_PPC64_GOT_TLSGD_PCREL34(148, false),
    R_PPC64_GOT_TLSLD_PCREL34(149, false),
    R_PPC64_GOT_TPREL_PCREL34(150, false),
    R_PPC64_GOT_DTPREL_PCREL34(151, false),
    R_PPC64_REL16_HIGH(240, false),
    R_PPC64_REL16_HIGHA(241, false),
    R_PPC64_REL16_HIGHER(242, false),
    R_PPC64_REL16_HIGHERA(243, false),
    R_PPC64_REL16_HIGHEST(244, false),
    R_PPC64_REL16_HIGHESTA(245, false),
    R_PPC64_REL16DX_HA(246, false),
    R_PPC64_JMP_IREL(247, false),
    R_PPC64_IRELATIVE(248, false),
    R_PPC64_REL16(249, false),
    R_PPC64_REL16_LO(250, true),
    R_PPC64_REL16_HI(251, false),
    R_PPC64_REL16_HA(252, true),
    R_PPC64_GNU_VTINHERIT(253, false),
    R_PPC64_GNU_VTENTRY(254, false);

    private static final CodeIndex<Ppc64RelocationType> BY_CODE = new CodeIndex<>(values());

    private final int code;
    private final boolean kernelAccepts;

    Ppc64RelocationType(int code, boolean kernelAccepts) {
        this.code = code;
        this.kernelAccepts = kernelAccepts;
    }

    /** The type with that {@code r_type} value, if readelf knows one. */
    public static Optional<Ppc64RelocationType> of(int code) {
        return BY_CODE.find(code);
    }

    @Override
    public int code() {
        return code;
    }

    @Override
    public String readelfName() {
        return name();
    }

    @Override
    public boolean kernelAccepts() {
        return kernelAccepts;
    }
}
