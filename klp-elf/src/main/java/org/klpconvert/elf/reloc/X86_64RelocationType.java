package org.klpconvert.elf.reloc;

import java.util.Optional;

/**
 * Relocation types of x86_64 ({@code EM_X86_64}): every type GNU readelf 2.40 has a name for,
 * constant name = readelf's spelling. Kernel acceptance follows arch/x86/kernel/module.c: NONE
 * (skipped), 64, PC32, PLT32, 32, 32S, PC64 (kernel-rules.md section 7).
 */
public enum X86_64RelocationType implements TableEntry {
    R_X86_64_NONE(0, true),
    R_X86_64_64(1, true),
    R_X86_64_PC32(2, true),
    R_X86_64_GOT32(3, false),
    R_X86_64_PLT32(4, true),
    R_X86_64_COPY(5, false),
    R_X86_64_GLOB_DAT(6, false),
    R_X86_64_JUMP_SLOT(7, false),
    R_X86_64_RELATIVE(8, false),
    R_X86_64_GOTPCREL(9, false),
    R_X86_64_32(10, true),
    R_X86_64_32S(11, true),
    R_X86_64_16(12, false),
    R_X86_64_PC16(13, false),
    R_X86_64_8(14, false),
    R_X86_64_PC8(15, false),
    R_X86_64_DTPMOD64(16, false),
    R_X86_64_DTPOFF64(17, false),
    R_X86_64_TPOFF64(18, false),
    R_X86_64_TLSGD(19, false),
    R_X86_64_TLSLD(20, false),
    R_X86_64_DTPOFF32(21, false),
    R_X86_64_GOTTPOFF(22, false),
    R_X86_64_TPOFF32(23, false),
    R_X86_64_PC64(24, true),
    R_X86_64_GOTOFF64(25, false),
    R_X86_64_GOTPC32(26, false),
    R_X86_64_GOT64(27, false),
    R_X86_64_GOTPCREL64(28, false),
    R_X86_64_GOTPC64(29, false),
    R_X86_64_GOTPLT64(30, false),
    R_X86_64_PLTOFF64(31, false),
    R_X86_64_SIZE32(32, false),
    R_X86_64_SIZE64(33, false),
    R_X86_64_GOTPC32_TLSDESC(34, false),
    R_X86_64_TLSDESC_CALL(35, false),
    R_X86_64_TLSDESC(36, false),
    R_X86_64_IRELATIVE(37, false),
    R_X86_64_RELATIVE64(38, false),
    R_X86_64_PC32_BND(39, false),
    R_X86_64_PLT32_BND(40, false),
    R_X86_64_GOTPCRELX(41, false),
    R_X86_64_REX_GOTPCRELX(42, false),
    R_X86_64_GNU_VTINHERIT(250, false),
    R_X86_64_GNU_VTENTRY(251, false);

    private static final CodeIndex<X86_64RelocationType> BY_CODE = new CodeIndex<>(values());

    private final Code entry;

    X86_64RelocationType(int code, boolean kernelAccepts) {
        this.entry = new Code(code, kernelAccepts);
    }

    /** The type with that {@code r_type} value, if readelf knows one. */
    public static Optional<X86_64RelocationType> of(int code) {
        return BY_CODE.find(code);
    }

    @Override
    public Code entry() {
        return entry;
    }
}
