package org.klpconvert.elf.reloc;

import java.util.Optional;

/**
 * Relocation types of arm64 ({@code EM_AARCH64}): every type GNU readelf 2.40 has a name for,
 * constant name = readelf's spelling. Kernel acceptance follows arch/arm64/kernel/module.c:
 * type 0 and NULL (the kernel's R_ARM_NONE and R_AARCH64_NONE), the ABS, PREL, MOVW, LDST,
 * branch and ADR types; no GOT types (kernel-rules.md section 7).
 */
public enum Aarch64RelocationType implements TableEntry {
    /** {@code r_type} 0, applied by the arm64 module loader. */
    R_AARCH64_NONE(0, true),
    /** {@code r_type} 1, refused by the arm64 module loader. */
    R_AARCH64_P32_ABS32(1, false),
    /** {@code r_type} 2, refused by the arm64 module loader. */
    R_AARCH64_P32_ABS16(2, false),
    /** {@code r_type} 3, refused by the arm64 module loader. */
    R_AARCH64_P32_PREL32(3, false),
    /** {@code r_type} 4, refused by the arm64 module loader. */
    R_AARCH64_P32_PREL16(4, false),
    /** {@code r_type} 5, refused by the arm64 module loader. */
    R_AARCH64_P32_MOVW_UABS_G0(5, false),
    /** {@code r_type} 6, refused by the arm64 module loader. */
    R_AARCH64_P32_MOVW_UABS_G0_NC(6, false),
    /** {@code r_type} 7, refused by the arm64 module loader. */
    R_AARCH64_P32_MOVW_UABS_G1(7, false),
    /** {@code r_type} 8, refused by the arm64 module loader. */
    R_AARCH64_P32_MOVW_SABS_G0(8, false),
    /** {@code r_type} 9, refused by the arm64 module loader. */
    R_AARCH64_P32_LD_PREL_LO19(9, false),
    /** {@code r_type} 10, refused by the arm64 module loader. */
    R_AARCH64_P32_ADR_PREL_LO21(10, false),
    /** {@code r_type} 11, refused by the arm64 module loader. */
    R_AARCH64_P32_ADR_PREL_PG_HI21(11, false),
    /** {@code r_type} 12, refused by the arm64 module loader. */
    R_AARCH64_P32_ADD_ABS_LO12_NC(12, false),
    /** {@code r_type} 13, refused by the arm64 module loader. */
    R_AARCH64_P32_LDST8_ABS_LO12_NC(13, false),
    /** {@code r_type} 14, refused by the arm64 module loader. */
    R_AARCH64_P32_LDST16_ABS_LO12_NC(14, false),
    /** {@code r_type} 15, refused by the arm64 module loader. */
    R_AARCH64_P32_LDST32_ABS_LO12_NC(15, false),
    /** {@code r_type} 16, refused by the arm64 module loader. */
    R_AARCH64_P32_LDST64_ABS_LO12_NC(16, false),
    /** {@code r_type} 17, refused by the arm64 module loader. */
    R_AARCH64_P32_LDST128_ABS_LO12_NC(17, false),
    /** {@code r_type} 18, refused by the arm64 module loader. */
    R_AARCH64_P32_TSTBR14(18, false),
    /** {@code r_type} 19, refused by the arm64 module loader. */
    R_AARCH64_P32_CONDBR19(19, false),
    /** {@code r_type} 20, refused by the arm64 module loader. */
    R_AARCH64_P32_JUMP26(20, false),
    /** {@code r_type} 21, refused by the arm64 module loader. */
    R_AARCH64_P32_CALL26(21, false),
    /** {@code r_type} 22, refused by the arm64 module loader. */
    R_AARCH64_P32_MOVW_PREL_G0(22, false),
    /** {@code r_type} 23, refused by the arm64 module loader. */
    R_AARCH64_P32_MOVW_PREL_G0_NC(23, false),
    /** {@code r_type} 24, refused by the arm64 module loader. */
    R_AARCH64_P32_MOVW_PREL_G1(24, false),
    /** {@code r_type} 25, refused by the arm64 module loader. */
    R_AARCH64_P32_GOT_LD_PREL19(25, false),
    /** {@code r_type} 26, refused by the arm64 module loader. */
    R_AARCH64_P32_ADR_GOT_PAGE(26, false),
    /** {@code r_type} 27, refused by the arm64 module loader. */
    R_AARCH64_P32_LD32_GOT_LO12_NC(27, false),
    /** {@code r_type} 28, refused by the arm64 module loader. */
    R_AARCH64_P32_LD32_GOTPAGE_LO14(28, false),
    /** {@code r_type} 80, refused by the arm64 module loader. */
    R_AARCH64_P32_TLSGD_ADR_PREL21(80, false),
    /** {@code r_type} 81, refused by the arm64 module loader. */
    R_AARCH64_P32_TLSGD_ADR_PAGE21(81, false),
    /** {@code r_type} 82, refused by the arm64 module loader. */
    R_AARCH64_P32_TLSGD_ADD_LO12_NC(82, false),
    /** {@code r_type} 83, refused by the arm64 module loader. */
    R_AARCH64_P32_TLSLD_ADR_PREL21(83, false),
    /** {@code r_type} 84, refused by the arm64 module loader. */
    R_AARCH64_P32_TLSLD_ADR_PAGE21(84, false),
    /** {@code r_type} 85, refused by the arm64 module loader. */
    R_AARCH64_P32_TLSLD_ADD_LO12_NC(85, false),
    /** {@code r_type} 87, refused by the arm64 module loader. */
    R_AARCH64_P32_TLSLD_MOVW_DTPREL_G1(87, false),
    /** {@code r_type} 88, refused by the arm64 module loader. */
    R_AARCH64_P32_TLSLD_MOVW_DTPREL_G0(88, false),
    /** {@code r_type} 89, refused by the arm64 module loader. */
    R_AARCH64_P32_TLSLD_MOVW_DTPREL_G0_NC(89, false),
    /** {@code r_type} 90, refused by the arm64 module loader. */
    R_AARCH64_P32_TLSLD_ADD_DTPREL_HI12(90, false),
    /** {@code r_type} 91, refused by the arm64 module loader. */
    R_AARCH64_P32_TLSLD_ADD_DTPREL_LO12(91, false),
    /** {@code r_type} 92, refused by the arm64 module loader. */
    R_AARCH64_P32_TLSLD_ADD_DTPREL_LO12_NC(92, false),
    /** {@code r_type} 103, refused by the arm64 module loader. */
    R_AARCH64_P32_TLSIE_ADR_GOTTPREL_PAGE21(103, false),
    /** {@code r_type} 104, refused by the arm64 module loader. */
    R_AARCH64_P32_TLSIE_LD32_GOTTPREL_LO12_NC(104, false),
    /** {@code r_type} 105, refused by the arm64 module loader. */
    R_AARCH64_P32_TLSIE_LD_GOTTPREL_PREL19(105, false),
    /** {@code r_type} 106, refused by the arm64 module loader. */
    R_AARCH64_P32_TLSLE_MOVW_TPREL_G1(106, false),
    /** {@code r_type} 107, refused by the arm64 module loader. */
    R_AARCH64_P32_TLSLE_MOVW_TPREL_G0(107, false),
    /** {@code r_type} 108, refused by the arm64 module loader. */
    R_AARCH64_P32_TLSLE_MOVW_TPREL_G0_NC(108, false),
    /** {@code r_type} 109, refused by the arm64 module loader. */
    R_AARCH64_P32_TLSLE_ADD_TPREL_HI12(109, false),
    /** {@code r_type} 110, refused by the arm64 module loader. */
    R_AARCH64_P32_TLSLE_ADD_TPREL_LO12(110, false),
    /** {@code r_type} 111, refused by the arm64 module loader. */
    R_AARCH64_P32_TLSLE_ADD_TPREL_LO12_NC(111, false),
    /** {@code r_type} 112, refused by the arm64 module loader. */
    R_AARCH64_P32_TLSLE_LDST8_TPREL_LO12(112, false),
    /** {@code r_type} 113, refused by the arm64 module loader. */
    R_AARCH64_P32_TLSLE_LDST8_TPREL_LO12_NC(113, false),
    /** {@code r_type} 114, refused by the arm64 module loader. */
    R_AARCH64_P32_TLSLE_LDST16_TPREL_LO12(114, false),
    /** {@code r_type} 115, refused by the arm64 module loader. */
    R_AARCH64_P32_TLSLE_LDST16_TPREL_LO12_NC(115, false),
    /** {@code r_type} 116, refused by the arm64 module loader. */
    R_AARCH64_P32_TLSLE_LDST32_TPREL_LO12(116, false),
    /** {@code r_type} 117, refused by the arm64 module loader. */
    R_AARCH64_P32_TLSLE_LDST32_TPREL_LO12_NC(117, false),
    /** {@code r_type} 118, refused by the arm64 module loader. */
    R_AARCH64_P32_TLSLE_LDST64_TPREL_LO12(118, false),
    /** {@code r_type} 119, refused by the arm64 module loader. */
    R_AARCH64_P32_TLSLE_LDST64_TPREL_LO12_NC(119, false),
    /** {@code r_type} 122, refused by the arm64 module loader. */
    R_AARCH64_P32_TLSDESC_LD_PREL19(122, false),
    /** {@code r_type} 123, refused by the arm64 module loader. */
    R_AARCH64_P32_TLSDESC_ADR_PREL21(123, false),
    /** {@code r_type} 124, refused by the arm64 module loader. */
    R_AARCH64_P32_TLSDESC_ADR_PAGE21(124, false),
    /** {@code r_type} 125, refused by the arm64 module loader. */
    R_AARCH64_P32_TLSDESC_LD32_LO12_NC(125, false),
    /** {@code r_type} 126, refused by the arm64 module loader. */
    R_AARCH64_P32_TLSDESC_ADD_LO12_NC(126, false),
    /** {@code r_type} 127, refused by the arm64 module loader. */
    R_AARCH64_P32_TLSDESC_CALL(127, false),
    /** {@code r_type} 180, refused by the arm64 module loader. */
    R_AARCH64_P32_COPY(180, false),
    /** {@code r_type} 181, refused by the arm64 module loader. */
    R_AARCH64_P32_GLOB_DAT(181, false),
    /** {@code r_type} 182, refused by the arm64 module loader. */
    R_AARCH64_P32_JUMP_SLOT(182, false),
    /** {@code r_type} 183, refused by the arm64 module loader. */
    R_AARCH64_P32_RELATIVE(183, false),
    /** {@code r_type} 184, refused by the arm64 module loader. */
    R_AARCH64_P32_TLS_DTPMOD(184, false),
    /** {@code r_type} 185, refused by the arm64 module loader. */
    R_AARCH64_P32_TLS_DTPREL(185, false),
    /** {@code r_type} 186, refused by the arm64 module loader. */
    R_AARCH64_P32_TLS_TPREL(186, false),
    /** {@code r_type} 187, refused by the arm64 module loader. */
    R_AARCH64_P32_TLSDESC(187, false),
    /** {@code r_type} 188, refused by the arm64 module loader. */
    R_AARCH64_P32_IRELATIVE(188, false),
    /** {@code r_type} 256, applied by the arm64 module loader. */
    R_AARCH64_NULL(256, true),
    /** {@code r_type} 257, applied by the arm64 module loader. */
    R_AARCH64_ABS64(257, true),
    /** {@code r_type} 258, applied by the arm64 module loader. */
    R_AARCH64_ABS32(258, true),
    /** {@code r_type} 259, applied by the arm64 module loader. */
    R_AARCH64_ABS16(259, true),
    /** {@code r_type} 260, applied by the arm64 module loader. */
    R_AARCH64_PREL64(260, true),
    /** {@code r_type} 261, applied by the arm64 module loader. */
    R_AARCH64_PREL32(261, true),
    /** {@code r_type} 262, applied by the arm64 module loader. */
    R_AARCH64_PREL16(262, true),
    /** {@code r_type} 263, applied by the arm64 module loader. */
    R_AARCH64_MOVW_UABS_G0(263, true),
    /** {@code r_type} 264, applied by the arm64 module loader. */
    R_AARCH64_MOVW_UABS_G0_NC(264, true),
    /** {@code r_type} 265, applied by the arm64 module loader. */
    R_AARCH64_MOVW_UABS_G1(265, true),
    /** {@code r_type} 266, applied by the arm64 module loader. */
    R_AARCH64_MOVW_UABS_G1_NC(266, true),
    /** {@code r_type} 267, applied by the arm64 module loader. */
    R_AARCH64_MOVW_UABS_G2(267, true),
    /** {@code r_type} 268, applied by the arm64 module loader. */
    R_AARCH64_MOVW_UABS_G2_NC(268, true),
    /** {@code r_type} 269, applied by the arm64 module loader. */
    R_AARCH64_MOVW_UABS_G3(269, true),
    /** {@code r_type} 270, applied by the arm64 module loader. */
    R_AARCH64_MOVW_SABS_G0(270, true),
    /** {@code r_type} 271, applied by the arm64 module loader. */
    R_AARCH64_MOVW_SABS_G1(271, true),
    /** {@code r_type} 272, applied by the arm64 module loader. */
    R_AARCH64_MOVW_SABS_G2(272, true),
    /** {@code r_type} 273, applied by the arm64 module loader. */
    R_AARCH64_LD_PREL_LO19(273, true),
    /** {@code r_type} 274, applied by the arm64 module loader. */
    R_AARCH64_ADR_PREL_LO21(274, true),
    /** {@code r_type} 275, applied by the arm64 module loader. */
    R_AARCH64_ADR_PREL_PG_HI21(275, true),
    /** {@code r_type} 276, applied by the arm64 module loader. */
    R_AARCH64_ADR_PREL_PG_HI21_NC(276, true),
    /** {@code r_type} 277, applied by the arm64 module loader. */
    R_AARCH64_ADD_ABS_LO12_NC(277, true),
    /** {@code r_type} 278, applied by the arm64 module loader. */
    R_AARCH64_LDST8_ABS_LO12_NC(278, true),
    /** {@code r_type} 279, applied by the arm64 module loader. */
    R_AARCH64_TSTBR14(279, true),
    /** {@code r_type} 280, applied by the arm64 module loader. */
    R_AARCH64_CONDBR19(280, true),
    /** {@code r_type} 282, applied by the arm64 module loader. */
    R_AARCH64_JUMP26(282, true),
    /** {@code r_type} 283, applied by the arm64 module loader. */
    R_AARCH64_CALL26(283, true),
    /** {@code r_type} 284, applied by the arm64 module loader. */
    R_AARCH64_LDST16_ABS_LO12_NC(284, true),
    /** {@code r_type} 285, applied by the arm64 module loader. */
    R_AARCH64_LDST32_ABS_LO12_NC(285, true),
    /** {@code r_type} 286, applied by the arm64 module loader. */
    R_AARCH64_LDST64_ABS_LO12_NC(286, true),
    /** {@code r_type} 287, applied by the arm64 module loader. */
    R_AARCH64_MOVW_PREL_G0(287, true),
    /** {@code r_type} 288, applied by the arm64 module loader. */
    R_AARCH64_MOVW_PREL_G0_NC(288, true),
    /** {@code r_type} 289, applied by the arm64 module loader. */
    R_AARCH64_MOVW_PREL_G1(289, true),
    /** {@code r_type} 290, applied by the arm64 module loader. */
    R_AARCH64_MOVW_PREL_G1_NC(290, true),
    /** {@code r_type} 291, applied by the arm64 module loader. */
    R_AARCH64_MOVW_PREL_G2(291, true),
    /** {@code r_type} 292, applied by the arm64 module loader. */
    R_AARCH64_MOVW_PREL_G2_NC(292, true),
    /** {@code r_type} 293, applied by the arm64 module loader. */
    R_AARCH64_MOVW_PREL_G3(293, true),
    /** {@code r_type} 299, applied by the arm64 module loader. */
    R_AARCH64_LDST128_ABS_LO12_NC(299, true),
    /** {@code r_type} 300, refused by the arm64 module loader. */
    R_AARCH64_MOVW_GOTOFF_G0(300, false),
    /** {@code r_type} 301, refused by the arm64 module loader. */
    R_AARCH64_MOVW_GOTOFF_G0_NC(301, false),
    /** {@code r_type} 302, refused by the arm64 module loader. */
    R_AARCH64_MOVW_GOTOFF_G1(302, false),
    /** {@code r_type} 303, refused by the arm64 module loader. */
    R_AARCH64_MOVW_GOTOFF_G1_NC(303, false),
    /** {@code r_type} 304, refused by the arm64 module loader. */
    R_AARCH64_MOVW_GOTOFF_G2(304, false),
    /** {@code r_type} 305, refused by the arm64 module loader. */
    R_AARCH64_MOVW_GOTOFF_G2_NC(305, false),
    /** {@code r_type} 306, refused by the arm64 module loader. */
    R_AARCH64_MOVW_GOTOFF_G3(306, false),
    /** {@code r_type} 307, refused by the arm64 module loader. */
    R_AARCH64_GOTREL64(307, false),
    /** {@code r_type} 308, refused by the arm64 module loader. */
    R_AARCH64_GOTREL32(308, false),
    /** {@code r_type} 309, refused by the arm64 module loader. */
    R_AARCH64_GOT_LD_PREL19(309, false),
    /** {@code r_type} 310, refused by the arm64 module loader. */
    R_AARCH64_LD64_GOTOFF_LO15(310, false),
    /** {@code r_type} 311, refused by the arm64 module loader. */
    R_AARCH64_ADR_GOT_PAGE(311, false),
    /** {@code r_type} 312, refused by the arm64 module loader. */
    R_AARCH64_LD64_GOT_LO12_NC(312, false),
    /** {@code r_type} 313, refused by the arm64 module loader. */
    R_AARCH64_LD64_GOTPAGE_LO15(313, false),
    /** {@code r_type} 512, refused by the arm64 module loader. */
    R_AARCH64_TLSGD_ADR_PREL21(512, false),
    /** {@code r_type} 513, refused by the arm64 module loader. */
    R_AARCH64_TLSGD_ADR_PAGE21(513, false),
    /** {@code r_type} 514, refused by the arm64 module loader. */
    R_AARCH64_TLSGD_ADD_LO12_NC(514, false),
    /** {@code r_type} 515, refused by the arm64 module loader. */
    R_AARCH64_TLSGD_MOVW_G1(515, false),
    /** {@code r_type} 516, refused by the arm64 module loader. */
    R_AARCH64_TLSGD_MOVW_G0_NC(516, false),
    /** {@code r_type} 517, refused by the arm64 module loader. */
    R_AARCH64_TLSLD_ADR_PREL21(517, false),
    /** {@code r_type} 518, refused by the arm64 module loader. */
    R_AARCH64_TLSLD_ADR_PAGE21(518, false),
    /** {@code r_type} 519, refused by the arm64 module loader. */
    R_AARCH64_TLSLD_ADD_LO12_NC(519, false),
    /** {@code r_type} 520, refused by the arm64 module loader. */
    R_AARCH64_TLSLD_MOVW_G1(520, false),
    /** {@code r_type} 521, refused by the arm64 module loader. */
    R_AARCH64_TLSLD_MOVW_G0_NC(521, false),
    /** {@code r_type} 522, refused by the arm64 module loader. */
    R_AARCH64_TLSLD_LD_PREL19(522, false),
    /** {@code r_type} 523, refused by the arm64 module loader. */
    R_AARCH64_TLSLD_MOVW_DTPREL_G2(523, false),
    /** {@code r_type} 524, refused by the arm64 module loader. */
    R_AARCH64_TLSLD_MOVW_DTPREL_G1(524, false),
    /** {@code r_type} 525, refused by the arm64 module loader. */
    R_AARCH64_TLSLD_MOVW_DTPREL_G1_NC(525, false),
    /** {@code r_type} 526, refused by the arm64 module loader. */
    R_AARCH64_TLSLD_MOVW_DTPREL_G0(526, false),
    /** {@code r_type} 527, refused by the arm64 module loader. */
    R_AARCH64_TLSLD_MOVW_DTPREL_G0_NC(527, false),
    /** {@code r_type} 528, refused by the arm64 module loader. */
    R_AARCH64_TLSLD_ADD_DTPREL_HI12(528, false),
    /** {@code r_type} 529, refused by the arm64 module loader. */
    R_AARCH64_TLSLD_ADD_DTPREL_LO12(529, false),
    /** {@code r_type} 530, refused by the arm64 module loader. */
    R_AARCH64_TLSLD_ADD_DTPREL_LO12_NC(530, false),
    /** {@code r_type} 531, refused by the arm64 module loader. */
    R_AARCH64_TLSLD_LDST8_DTPREL_LO12(531, false),
    /** {@code r_type} 532, refused by the arm64 module loader. */
    R_AARCH64_TLSLD_LDST8_DTPREL_LO12_NC(532, false),
    /** {@code r_type} 533, refused by the arm64 module loader. */
    R_AARCH64_TLSLD_LDST16_DTPREL_LO12(533, false),
    /** {@code r_type} 534, refused by the arm64 module loader. */
    R_AARCH64_TLSLD_LDST16_DTPREL_LO12_NC(534, false),
    /** {@code r_type} 535, refused by the arm64 module loader. */
    R_AARCH64_TLSLD_LDST32_DTPREL_LO12(535, false),
    /** {@code r_type} 536, refused by the arm64 module loader. */
    R_AARCH64_TLSLD_LDST32_DTPREL_LO12_NC(536, false),
    /** {@code r_type} 537, refused by the arm64 module loader. */
    R_AARCH64_TLSLD_LDST64_DTPREL_LO12(537, false),
    /** {@code r_type} 538, refused by the arm64 module loader. */
    R_AARCH64_TLSLD_LDST64_DTPREL_LO12_NC(538, false),
    /** {@code r_type} 539, refused by the arm64 module loader. */
    R_AARCH64_TLSIE_MOVW_GOTTPREL_G1(539, false),
    /** {@code r_type} 540, refused by the arm64 module loader. */
    R_AARCH64_TLSIE_MOVW_GOTTPREL_G0_NC(540, false),
    /** {@code r_type} 541, refused by the arm64 module loader. */
    R_AARCH64_TLSIE_ADR_GOTTPREL_PAGE21(541, false),
    /** {@code r_type} 542, refused by the arm64 module loader. */
    R_AARCH64_TLSIE_LD64_GOTTPREL_LO12_NC(542, false),
    /** {@code r_type} 543, refused by the arm64 module loader. */
    R_AARCH64_TLSIE_LD_GOTTPREL_PREL19(543, false),
    /** {@code r_type} 544, refused by the arm64 module loader. */
    R_AARCH64_TLSLE_MOVW_TPREL_G2(544, false),
    /** {@code r_type} 545, refused by the arm64 module loader. */
    R_AARCH64_TLSLE_MOVW_TPREL_G1(545, false),
    /** {@code r_type} 546, refused by the arm64 module loader. */
    R_AARCH64_TLSLE_MOVW_TPREL_G1_NC(546, false),
    /** {@code r_type} 547, refused by the arm64 module loader. */
    R_AARCH64_TLSLE_MOVW_TPREL_G0(547, false),
    /** {@code r_type} 548, refused by the arm64 module loader. */
    R_AARCH64_TLSLE_MOVW_TPREL_G0_NC(548, false),
    /** {@code r_type} 549, refused by the arm64 module loader. */
    R_AARCH64_TLSLE_ADD_TPREL_HI12(549, false),
    /** {@code r_type} 550, refused by the arm64 module loader. */
    R_AARCH64_TLSLE_ADD_TPREL_LO12(550, false),
    /** {@code r_type} 551, refused by the arm64 module loader. */
    R_AARCH64_TLSLE_ADD_TPREL_LO12_NC(551, false),
    /** {@code r_type} 552, refused by the arm64 module loader. */
    R_AARCH64_TLSLE_LDST8_TPREL_LO12(552, false),
    /** {@code r_type} 553, refused by the arm64 module loader. */
    R_AARCH64_TLSLE_LDST8_TPREL_LO12_NC(553, false),
    /** {@code r_type} 554, refused by the arm64 module loader. */
    R_AARCH64_TLSLE_LDST16_TPREL_LO12(554, false),
    /** {@code r_type} 555, refused by the arm64 module loader. */
    R_AARCH64_TLSLE_LDST16_TPREL_LO12_NC(555, false),
    /** {@code r_type} 556, refused by the arm64 module loader. */
    R_AARCH64_TLSLE_LDST32_TPREL_LO12(556, false),
    /** {@code r_type} 557, refused by the arm64 module loader. */
    R_AARCH64_TLSLE_LDST32_TPREL_LO12_NC(557, false),
    /** {@code r_type} 558, refused by the arm64 module loader. */
    R_AARCH64_TLSLE_LDST64_TPREL_LO12(558, false),
    /** {@code r_type} 559, refused by the arm64 module loader. */
    R_AARCH64_TLSLE_LDST64_TPREL_LO12_NC(559, false),
    /** {@code r_type} 560, refused by the arm64 module loader. */
    R_AARCH64_TLSDESC_LD_PREL19(560, false),
    /** {@code r_type} 561, refused by the arm64 module loader. */
    R_AARCH64_TLSDESC_ADR_PREL21(561, false),
    /** {@code r_type} 562, refused by the arm64 module loader. */
    R_AARCH64_TLSDESC_ADR_PAGE21(562, false),
    /** {@code r_type} 563, refused by the arm64 module loader. */
    R_AARCH64_TLSDESC_LD64_LO12(563, false),
    /** {@code r_type} 564, refused by the arm64 module loader. */
    R_AARCH64_TLSDESC_ADD_LO12(564, false),
    /** {@code r_type} 565, refused by the arm64 module loader. */
    R_AARCH64_TLSDESC_OFF_G1(565, false),
    /** {@code r_type} 566, refused by the arm64 module loader. */
    R_AARCH64_TLSDESC_OFF_G0_NC(566, false),
    /** {@code r_type} 567, refused by the arm64 module loader. */
    R_AARCH64_TLSDESC_LDR(567, false),
    /** {@code r_type} 568, refused by the arm64 module loader. */
    R_AARCH64_TLSDESC_ADD(568, false),
    /** {@code r_type} 569, refused by the arm64 module loader. */
    R_AARCH64_TLSDESC_CALL(569, false),
    /** {@code r_type} 570, refused by the arm64 module loader. */
    R_AARCH64_TLSLE_LDST128_TPREL_LO12(570, false),
    /** {@code r_type} 571, refused by the arm64 module loader. */
    R_AARCH64_TLSLE_LDST128_TPREL_LO12_NC(571, false),
    /** {@code r_type} 572, refused by the arm64 module loader. */
    R_AARCH64_TLSLD_LDST128_DTPREL_LO12(572, false),
    /** {@code r_type} 573, refused by the arm64 module loader. */
    R_AARCH64_TLSLD_LDST128_DTPREL_LO12_NC(573, false),
    /** {@code r_type} 1024, refused by the arm64 module loader. */
    R_AARCH64_COPY(1024, false),
    /** {@code r_type} 1025, refused by the arm64 module loader. */
    R_AARCH64_GLOB_DAT(1025, false),
    /** {@code r_type} 1026, refused by the arm64 module loader. */
    R_AARCH64_JUMP_SLOT(1026, false),
    /** {@code r_type} 1027, refused by the arm64 module loader. */
    R_AARCH64_RELATIVE(1027, false),
    /** {@code r_type} 1028, refused by the arm64 module loader. */
    R_AARCH64_TLS_DTPMOD64(1028, false),
    /** {@code r_type} 1029, refused by the arm64 module loader. */
    R_AARCH64_TLS_DTPREL64(1029, false),
    /** {@code r_type} 1030, refused by the arm64 module loader. */
    R_AARCH64_TLS_TPREL64(1030, false),
    /** {@code r_type} 1031, refused by the arm64 module loader. */
    R_AARCH64_TLSDESC(1031, false),
    /** {@code r_type} 1032, refused by the arm64 module loader. */
    R_AARCH64_IRELATIVE(1032, false);

    private static final CodeIndex<Aarch64RelocationType> BY_CODE = new CodeIndex<>(values());

    private final Code entry;

    Aarch64RelocationType(int code, boolean kernelAccepts) {
        this.entry = new Code(code, kernelAccepts);
    }

    /**
     * {@return the type with that {@code r_type} value, if readelf knows one}
     *
     * @param code the {@code r_type} value
     */
    public static Optional<Aarch64RelocationType> of(int code) {
        return BY_CODE.find(code);
    }

    @Override
    public Code entry() {
        return entry;
    }
}
