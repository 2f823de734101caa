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
public enum Ppc64RelocationType implements TableEntry {
    /** {@code r_type} 0, refused by the ppc64 module loader. */
    R_PPC64_NONE(0, false),
    /** {@code r_type} 1, applied by the ppc64 module loader. */
    R_PPC64_ADDR32(1, true),
    /** {@code r_type} 2, refused by the ppc64 module loader. */
    R_PPC64_ADDR24(2, false),
    /** {@code r_type} 3, refused by the ppc64 module loader. */
    R_PPC64_ADDR16(3, false),
    /** {@code r_type} 4, refused by the ppc64 module loader. */
    R_PPC64_ADDR16_LO(4, false),
    /** {@code r_type} 5, refused by the ppc64 module loader. */
    R_PPC64_ADDR16_HI(5, false),
    /** {@code r_type} 6, refused by the ppc64 module loader. */
    R_PPC64_ADDR16_HA(6, false),
    /** {@code r_type} 7, refused by the ppc64 module loader. */
    R_PPC64_ADDR14(7, false),
    /** {@code r_type} 8, refused by the ppc64 module loader. */
    R_PPC64_ADDR14_BRTAKEN(8, false),
    /** {@code r_type} 9, refused by the ppc64 module loader. */
    R_PPC64_ADDR14_BRNTAKEN(9, false),
    /** {@code r_type} 10, applied by the ppc64 module loader. */
    R_PPC64_REL24(10, true),
    /** {@code r_type} 11, refused by the ppc64 module loader. */
    R_PPC64_REL14(11, false),
    /** {@code r_type} 12, refused by the ppc64 module loader. */
    R_PPC64_REL14_BRTAKEN(12, false),
    /** {@code r_type} 13, refused by the ppc64 module loader. */
    R_PPC64_REL14_BRNTAKEN(13, false),
    /** {@code r_type} 14, refused by the ppc64 module loader. */
    R_PPC64_GOT16(14, false),
    /** {@code r_type} 15, refused by the ppc64 module loader. */
    R_PPC64_GOT16_LO(15, false),
    /** {@code r_type} 16, refused by the ppc64 module loader. */
    R_PPC64_GOT16_HI(16, false),
    /** {@code r_type} 17, refused by the ppc64 module loader. */
    R_PPC64_GOT16_HA(17, false),
    /** {@code r_type} 19, refused by the ppc64 module loader. */
    R_PPC64_COPY(19, false),
    /** {@code r_type} 20, refused by the ppc64 module loader. */
    R_PPC64_GLOB_DAT(20, false),
    /** {@code r_type} 21, refused by the ppc64 module loader. */
    R_PPC64_JMP_SLOT(21, false),
    /** {@code r_type} 22, refused by the ppc64 module loader. */
    R_PPC64_RELATIVE(22, false),
    /** {@code r_type} 24, refused by the ppc64 module loader. */
    R_PPC64_UADDR32(24, false),
    /** {@code r_type} 25, refused by the ppc64 module loader. */
    R_PPC64_UADDR16(25, false),
    /** {@code r_type} 26, applied by the ppc64 module loader. */
    R_PPC64_REL32(26, true),
    /** {@code r_type} 27, refused by the ppc64 module loader. */
    R_PPC64_PLT32(27, false),
    /** {@code r_type} 28, refused by the ppc64 module loader. */
    R_PPC64_PLTREL32(28, false),
    /** {@code r_type} 29, refused by the ppc64 module loader. */
    R_PPC64_PLT16_LO(29, false),
    /** {@code r_type} 30, refused by the ppc64 module loader. */
    R_PPC64_PLT16_HI(30, false),
    /** {@code r_type} 31, refused by the ppc64 module loader. */
    R_PPC64_PLT16_HA(31, false),
    /** {@code r_type} 33, refused by the ppc64 module loader. */
    R_PPC64_SECTOFF(33, false),
    /** {@code r_type} 34, refused by the ppc64 module loader. */
    R_PPC64_SECTOFF_LO(34, false),
    /** {@code r_type} 35, refused by the ppc64 module loader. */
    R_PPC64_SECTOFF_HI(35, false),
    /** {@code r_type} 36, refused by the ppc64 module loader. */
    R_PPC64_SECTOFF_HA(36, false),
    /** {@code r_type} 37, refused by the ppc64 module loader. */
    R_PPC64_REL30(37, false),
    /** {@code r_type} 38, applied by the ppc64 module loader. */
    R_PPC64_ADDR64(38, true),
    /** {@code r_type} 39, refused by the ppc64 module loader. */
    R_PPC64_ADDR16_HIGHER(39, false),
    /** {@code r_type} 40, refused by the ppc64 module loader. */
    R_PPC64_ADDR16_HIGHERA(40, false),
    /** {@code r_type} 41, refused by the ppc64 module loader. */
    R_PPC64_ADDR16_HIGHEST(41, false),
    /** {@code r_type} 42, refused by the ppc64 module loader. */
    R_PPC64_ADDR16_HIGHESTA(42, false),
    /** {@code r_type} 43, refused by the ppc64 module loader. */
    R_PPC64_UADDR64(43, false),
    /** {@code r_type} 44, applied by the ppc64 module loader. */
    R_PPC64_REL64(44, true),
    /** {@code r_type} 45, refused by the ppc64 module loader. */
    R_PPC64_PLT64(45, false),
    /** {@code r_type} 46, refused by the ppc64 module loader. */
    R_PPC64_PLTREL64(46, false),
    /** {@code r_type} 47, applied by the ppc64 module loader. */
    R_PPC64_TOC16(47, true),
    /** {@code r_type} 48, applied by the ppc64 module loader. */
    R_PPC64_TOC16_LO(48, true),
    /** {@code r_type} 49, refused by the ppc64 module loader. */
    R_PPC64_TOC16_HI(49, false),
    /** {@code r_type} 50, applied by the ppc64 module loader. */
    R_PPC64_TOC16_HA(50, true),
    /** {@code r_type} 51, applied by the ppc64 module loader. */
    R_PPC64_TOC(51, true),
    /** {@code r_type} 52, refused by the ppc64 module loader. */
    R_PPC64_PLTGOT16(52, false),
    /** {@code r_type} 53, refused by the ppc64 module loader. */
    R_PPC64_PLTGOT16_LO(53, false),
    /** {@code r_type} 54, refused by the ppc64 module loader. */
    R_PPC64_PLTGOT16_HI(54, false),
    /** {@code r_type} 55, refused by the ppc64 module loader. */
    R_PPC64_PLTGOT16_HA(55, false),
    /** {@code r_type} 56, refused by the ppc64 module loader. */
    R_PPC64_ADDR16_DS(56, false),
    /** {@code r_type} 57, refused by the ppc64 module loader. */
    R_PPC64_ADDR16_LO_DS(57, false),
    /** {@code r_type} 58, refused by the ppc64 module loader. */
    R_PPC64_GOT16_DS(58, false),
    /** {@code r_type} 59, refused by the ppc64 module loader. */
    R_PPC64_GOT16_LO_DS(59, false),
    /** {@code r_type} 60, refused by the ppc64 module loader. */
    R_PPC64_PLT16_LO_DS(60, false),
    /** {@code r_type} 61, refused by the ppc64 module loader. */
    R_PPC64_SECTOFF_DS(61, false),
    /** {@code r_type} 62, refused by the ppc64 module loader. */
    R_PPC64_SECTOFF_LO_DS(62, false),
    /** {@code r_type} 63, applied by the ppc64 module loader. */
    R_PPC64_TOC16_DS(63, true),
    /** {@code r_type} 64, applied by the ppc64 module loader. */
    R_PPC64_TOC16_LO_DS(64, true),
    /** {@code r_type} 65, refused by the ppc64 module loader. */
    R_PPC64_PLTGOT16_DS(65, false),
    /** {@code r_type} 66, refused by the ppc64 module loader. */
    R_PPC64_PLTGOT16_LO_DS(66, false),
    /** {@code r_type} 67, refused by the ppc64 module loader. */
    R_PPC64_TLS(67, false),
    /** {@code r_type} 68, refused by the ppc64 module loader. */
    R_PPC64_DTPMOD64(68, false),
    /** {@code r_type} 69, refused by the ppc64 module loader. */
    R_PPC64_TPREL16(69, false),
    /** {@code r_type} 70, refused by the ppc64 module loader. */
    R_PPC64_TPREL16_LO(70, false),
    /** {@code r_type} 71, refused by the ppc64 module loader. */
    R_PPC64_TPREL16_HI(71, false),
    /** {@code r_type} 72, refused by the ppc64 module loader. */
    R_PPC64_TPREL16_HA(72, false),
    /** {@code r_type} 73, refused by the ppc64 module loader. */
    R_PPC64_TPREL64(73, false),
    /** {@code r_type} 74, refused by the ppc64 module loader. */
    R_PPC64_DTPREL16(74, false),
    /** {@code r_type} 75, refused by the ppc64 module loader. */
    R_PPC64_DTPREL16_LO(75, false),
    /** {@code r_type} 76, refused by the ppc64 module loader. */
    R_PPC64_DTPREL16_HI(76, false),
    /** {@code r_type} 77, refused by the ppc64 module loader. */
    R_PPC64_DTPREL16_HA(77, false),
    /** {@code r_type} 78, refused by the ppc64 module loader. */
    R_PPC64_DTPREL64(78, false),
    /** {@code r_type} 79, refused by the ppc64 module loader. */
    R_PPC64_GOT_TLSGD16(79, false),
    /** {@code r_type} 80, refused by the ppc64 module loader. */
    R_PPC64_GOT_TLSGD16_LO(80, false),
    /** {@code r_type} 81, refused by the ppc64 module loader. */
    R_PPC64_GOT_TLSGD16_HI(81, false),
    /** {@code r_type} 82, refused by the ppc64 module loader. */
    R_PPC64_GOT_TLSGD16_HA(82, false),
    /** {@code r_type} 83, refused by the ppc64 module loader. */
    R_PPC64_GOT_TLSLD16(83, false),
    /** {@code r_type} 84, refused by the ppc64 module loader. */
    R_PPC64_GOT_TLSLD16_LO(84, false),
    /** {@code r_type} 85, refused by the ppc64 module loader. */
    R_PPC64_GOT_TLSLD16_HI(85, false),
    /** {@code r_type} 86, refused by the ppc64 module loader. */
    R_PPC64_GOT_TLSLD16_HA(86, false),
    /** {@code r_type} 87, refused by the ppc64 module loader. */
    R_PPC64_GOT_TPREL16_DS(87, false),
    /** {@code r_type} 88, refused by the ppc64 module loader. */
    R_PPC64_GOT_TPREL16_LO_DS(88, false),
    /** {@code r_type} 89, refused by the ppc64 module loader. */
    R_PPC64_GOT_TPREL16_HI(89, false),
    /** {@code r_type} 90, refused by the ppc64 module loader. */
    R_PPC64_GOT_TPREL16_HA(90, false),
    /** {@code r_type} 91, refused by the ppc64 module loader. */
    R_PPC64_GOT_DTPREL16_DS(91, false),
    /** {@code r_type} 92, refused by the ppc64 module loader. */
    R_PPC64_GOT_DTPREL16_LO_DS(92, false),
    /** {@code r_type} 93, refused by the ppc64 module loader. */
    R_PPC64_GOT_DTPREL16_HI(93, false),
    /** {@code r_type} 94, refused by the ppc64 module loader. */
    R_PPC64_GOT_DTPREL16_HA(94, false),
    /** {@code r_type} 95, refused by the ppc64 module loader. */
    R_PPC64_TPREL16_DS(95, false),
    /** {@code r_type} 96, refused by the ppc64 module loader. */
    R_PPC64_TPREL16_LO_DS(96, false),
    /** {@code r_type} 97, refused by the ppc64 module loader. */
    R_PPC64_TPREL16_HIGHER(97, false),
    /** {@code r_type} 98, refused by the ppc64 module loader. */
    R_PPC64_TPREL16_HIGHERA(98, false),
    /** {@code r_type} 99, refused by the ppc64 module loader. */
    R_PPC64_TPREL16_HIGHEST(99, false),
    /** {@code r_type} 100, refused by the ppc64 module loader. */
    R_PPC64_TPREL16_HIGHESTA(100, false),
    /** {@code r_type} 101, refused by the ppc64 module loader. */
    R_PPC64_DTPREL16_DS(101, false),
    /** {@code r_type} 102, refused by the ppc64 module loader. */
    R_PPC64_DTPREL16_LO_DS(102, false),
    /** {@code r_type} 103, refused by the ppc64 module loader. */
    R_PPC64_DTPREL16_HIGHER(103, false),
    /** {@code r_type} 104, refused by the ppc64 module loader. */
    R_PPC64_DTPREL16_HIGHERA(104, false),
    /** {@code r_type} 105, refused by the ppc64 module loader. */
    R_PPC64_DTPREL16_HIGHEST(105, false),
    /** {@code r_type} 106, refused by the ppc64 module loader. */
    R_PPC64_DTPREL16_HIGHESTA(106, false),
    /** {@code r_type} 107, refused by the ppc64 module loader. */
    R_PPC64_TLSGD(107, false),
    /** {@code r_type} 108, refused by the ppc64 module loader. */
    R_PPC64_TLSLD(108, false),
    /** {@code r_type} 109, applied by the ppc64 module loader. */
    R_PPC64_TOCSAVE(109, true),
    /** {@code r_type} 110, refused by the ppc64 module loader. */
    R_PPC64_ADDR16_HIGH(110, false),
    /** {@code r_type} 111, refused by the ppc64 module loader. */
    R_PPC64_ADDR16_HIGHA(111, false),
    /** {@code r_type} 112, refused by the ppc64 module loader. */
    R_PPC64_TPREL16_HIGH(112, false),
    /** {@code r_type} 113, refused by the ppc64 module loader. */
    R_PPC64_TPREL16_HIGHA(113, false),
    /** {@code r_type} 114, refused by the ppc64 module loader. */
    R_PPC64_DTPREL16_HIGH(114, false),
    /** {@code r_type} 115, refused by the ppc64 module loader. */
    R_PPC64_DTPREL16_HIGHA(115, false),
    /** {@code r_type} 116, applied by the ppc64 module loader. */
    R_PPC64_REL24_NOTOC(116, true),
    /** {@code r_type} 117, refused by the ppc64 module loader. */
    R_PPC64_ADDR64_LOCAL(117, false),
    /** {@code r_type} 118, applied by the ppc64 module loader. */
    R_PPC64_ENTRY(118, true),
    /** {@code r_type} 119, refused by the ppc64 module loader. */
    R_PPC64_PLTSEQ(119, false),
    /** {@code r_type} 120, refused by the ppc64 module loader. */
    R_PPC64_PLTCALL(120, false),
    /** {@code r_type} 121, refused by the ppc64 module loader. */
    R_PPC64_PLTSEQ_NOTOC(121, false),
    /** {@code r_type} 122, refused by the ppc64 module loader. */
    R_PPC64_PLTCALL_NOTOC(122, false),
    /** {@code r_type} 123, refused by the ppc64 module loader. */
    R_PPC64_PCREL_OPT(123, false),
    /** {@code r_type} 124, refused by the ppc64 module loader. */
    R_PPC64_REL24_P9NOTOC(124, false),
    /** {@code r_type} 128, refused by the ppc64 module loader. */
    R_PPC64_D34(128, false),
    /** {@code r_type} 129, refused by the ppc64 module loader. */
    R_PPC64_D34_LO(129, false),
    /** {@code r_type} 130, refused by the ppc64 module loader. */
    R_PPC64_D34_HI30(130, false),
    /** {@code r_type} 131, refused by the ppc64 module loader. */
    R_PPC64_D34_HA30(131, false),
    /** {@code r_type} 132, applied by the ppc64 module loader. */
    R_PPC64_PCREL34(132, true),
    /** {@code r_type} 133, applied by the ppc64 module loader. */
    R_PPC64_GOT_PCREL34(133, true),
    /** {@code r_type} 134, refused by the ppc64 module loader. */
    R_PPC64_PLT_PCREL34(134, false),
    /** {@code r_type} 135, refused by the ppc64 module loader. */
    R_PPC64_PLT_PCREL34_NOTOC(135, false),
    /** {@code r_type} 136, refused by the ppc64 module loader. */
    R_PPC64_ADDR16_HIGHER34(136, false),
    /** {@code r_type} 137, refused by the ppc64 module loader. */
    R_PPC64_ADDR16_HIGHERA34(137, false),
    /** {@code r_type} 138, refused by the ppc64 module loader. */
    R_PPC64_ADDR16_HIGHEST34(138, false),
    /** {@code r_type} 139, refused by the ppc64 module loader. */
    R_PPC64_ADDR16_HIGHESTA34(139, false),
    /** {@code r_type} 140, refused by the ppc64 module loader. */
    R_PPC64_REL16_HIGHER34(140, false),
    /** {@code r_type} 141, refused by the ppc64 module loader. */
    R_PPC64_REL16_HIGHERA34(141, false),
    /** {@code r_type} 142, refused by the ppc64 module loader. */
    R_PPC64_REL16_HIGHEST34(142, false),
    /** {@code r_type} 143, refused by the ppc64 module loader. */
    R_PPC64_REL16_HIGHESTA34(143, false),
    /** {@code r_type} 144, refused by the ppc64 module loader. */
    R_PPC64_D28(144, false),
    /** {@code r_type} 145, refused by the ppc64 module loader. */
    R_PPC64_PCREL28(145, false),
    /** {@code r_type} 146, refused by the ppc64 module loader. */
    R_PPC64_TPREL34(146, false),
    /** {@code r_type} 147, refused by the ppc64 module loader. */
    R_PPC64_DTPREL34(147, false),
    /** {@code r_type} 148, refused by the ppc64 module loader. */
    R_PPC64_GOT_TLSGD_PCREL34(148, false),
    /** {@code r_type} 149, refused by the ppc64 module loader. */
    R_PPC64_GOT_TLSLD_PCREL34(149, false),
    /** {@code r_type} 150, refused by the ppc64 module loader. */
    R_PPC64_GOT_TPREL_PCREL34(150, false),
    /** {@code r_type} 151, refused by the ppc64 module loader. */
    R_PPC64_GOT_DTPREL_PCREL34(151, false),
    /** {@code r_type} 240, refused by the ppc64 module loader. */
    R_PPC64_REL16_HIGH(240, false),
    /** {@code r_type} 241, refused by the ppc64 module loader. */
    R_PPC64_REL16_HIGHA(241, false),
    /** {@code r_type} 242, refused by the ppc64 module loader. */
    R_PPC64_REL16_HIGHER(242, false),
    /** {@code r_type} 243, refused by the ppc64 module loader. */
    R_PPC64_REL16_HIGHERA(243, false),
    /** {@code r_type} 244, refused by the ppc64 module loader. */
    R_PPC64_REL16_HIGHEST(244, false),
    /** {@code r_type} 245, refused by the ppc64 module loader. */
    R_PPC64_REL16_HIGHESTA(245, false),
    /** {@code r_type} 246, refused by the ppc64 module loader. */
    R_PPC64_REL16DX_HA(246, false),
    /** {@code r_type} 247, refused by the ppc64 module loader. */
    R_PPC64_JMP_IREL(247, false),
    /** {@code r_type} 248, refused by the ppc64 module loader. */
    R_PPC64_IRELATIVE(248, false),
    /** {@code r_type} 249, refused by the ppc64 module loader. */
    R_PPC64_REL16(249, false),
    /** {@code r_type} 250, applied by the ppc64 module loader. */
    R_PPC64_REL16_LO(250, true),
    /** {@code r_type} 251, refused by the ppc64 module loader. */
    R_PPC64_REL16_HI(251, false),
    /** {@code r_type} 252, applied by the ppc64 module loader. */
    R_PPC64_REL16_HA(252, true),
    /** {@code r_type} 253, refused by the ppc64 module loader. */
    R_PPC64_GNU_VTINHERIT(253, false),
    /** {@code r_type} 254, refused by the ppc64 module loader. */
    R_PPC64_GNU_VTENTRY(254, false);

    private static final CodeIndex<Ppc64RelocationType> BY_CODE = new CodeIndex<>(values());

    private final Code entry;

    Ppc64RelocationType(int code, boolean kernelAccepts) {
        this.entry = new Code(code, kernelAccepts);
    }

    /**
     * {@return the type with that {@code r_type} value, if readelf knows one}
     *
     * @param code the {@code r_type} value
     */
    public static Optional<Ppc64RelocationType> of(int code) {
        return BY_CODE.find(code);
    }

    @Override
    public Code entry() {
        return entry;
    }
}
