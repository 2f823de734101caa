package org.klpconvert.elf.reloc;

import java.util.Optional;

/**
 * Relocation types of x86_64 ({@code EM_X86_64}): every type GNU readelf 2.40 has a name for,
 * constant name = readelf's spelling. Kernel acceptance follows arch/x86/kernel/module.c: NONE
 * (skipped), 64, PC32, PLT32, 32, 32S, PC64 (kernel-rules.md section 7).
 */
public enum X86_64RelocationType implements TableEntry {
    /** {@code r_type} 0, applied by the x86_64 module loader. */
    R_X86_64_NONE(0, true),
    /** {@code r_type} 1, applied by the x86_64 module loader. */
    R_X86_64_64(1, true),
    /** {@code r_type} 2, applied by the x86_64 module loader. */
    R_X86_64_PC32(2, true),
    /** {@code r_type} 3, refused by the x86_64 module loader. */
    R_X86_64_GOT32(3, false),
    /** {@code r_type} 4, applied by the x86_64 module loader. */
    R_X86_64_PLT32(4, true),
    /** {@code r_type} 5, refused by the x86_64 module loader. */
    R_X86_64_COPY(5, false),
    /** {@code r_type} 6, refused by the x86_64 module loader. */
    R_X86_64_GLOB_DAT(6, false),
    /** {@code r_type} 7, refused by the x86_64 module loader. */
    R_X86_64_JUMP_SLOT(7, false),
    /** {@code r_type} 8, refused by the x86_64 module loader. */
    R_X86_64_RELATIVE(8, false),
    /** {@code r_type} 9, refused by the x86_64 module loader. */
    R_X86_64_GOTPCREL(9, false),
    /** {@code r_type} 10, applied by the x86_64 module loader. */
    R_X86_64_32(10, true),
    /** {@code r_type} 11, applied by the x86_64 module loader. */
    R_X86_64_32S(11, true),
    /** {@code r_type} 12, refused by the x86_64 module loader. */
    R_X86_64_16(12, false),
    /** {@code r_type} 13, refused by the x86_64 module loader. */
    R_X86_64_PC16(13, false),
    /** {@code r_type} 14, refused by the x86_64 module loader. */
    R_X86_64_8(14, false),
    /** {@code r_type} 15, refused by the x86_64 module loader. */
    R_X86_64_PC8(15, false),
    /** {@code r_type} 16, refused by the x86_64 module loader. */
    R_X86_64_DTPMOD64(16, false),
    /** {@code r_type} 17, refused by the x86_64 module loader. */
    R_X86_64_DTPOFF64(17, false),
    /** {@code r_type} 18, refused by the x86_64 module loader. */
    R_X86_64_TPOFF64(18, false),
    /** {@code r_type} 19, refused by the x86_64 module loader. */
    R_X86_64_TLSGD(19, false),
    /** {@code r_type} 20, refused by the x86_64 module loader. */
    R_X86_64_TLSLD(20, false),
    /** {@code r_type} 21, refused by the x86_64 module loader. */
    R_X86_64_DTPOFF32(21, false),
    /** {@code r_type} 22, refused by the x86_64 module loader. */
    R_X86_64_GOTTPOFF(22, false),
    /** {@code r_type} 23, refused by the x86_64 module loader. */
    R_X86_64_TPOFF32(23, false),
    /** {@code r_type} 24, applied by the x86_64 module loader. */
    R_X86_64_PC64(24, true),
    /** {@code r_type} 25, refused by the x86_64 module loader. */
    R_X86_64_GOTOFF64(25, false),
    /** {@code r_type} 26, refused by the x86_64 module loader. */
    R_X86_64_GOTPC32(26, false),
    /** {@code r_type} 27, refused by the x86_64 module loader. */
    R_X86_64_GOT64(27, false),
    /** {@code r_type} 28, refused by the x86_64 module loader. */
    R_X86_64_GOTPCREL64(28, false),
    /** {@code r_type} 29, refused by the x86_64 module loader. */
    R_X86_64_GOTPC64(29, false),
    /** {@code r_type} 30, refused by the x86_64 module loader. */
    R_X86_64_GOTPLT64(30, false),
    /** {@code r_type} 31, refused by the x86_64 module loader. */
    R_X86_64_PLTOFF64(31, false),
    /** {@code r_type} 32, refused by the x86_64 module loader. */
    R_X86_64_SIZE32(32, false),
    /** {@code r_type} 33, refused by the x86_64 module loader. */
    R_X86_64_SIZE64(33, false),
    /** {@code r_type} 34, refused by the x86_64 module loader. */
    R_X86_64_GOTPC32_TLSDESC(34, false),
    /** {@code r_type} 35, refused by the x86_64 module loader. */
    R_X86_64_TLSDESC_CALL(35, false),
    /** {@code r_type} 36, refused by the x86_64 module loader. */
    R_X86_64_TLSDESC(36, false),
    /** {@code r_type} 37, refused by the x86_64 module loader. */
    R_X86_64_IRELATIVE(37, false),
    /** {@code r_type} 38, refused by the x86_64 module loader. */
    R_X86_64_RELATIVE64(38, false),
    /** {@code r_type} 39, refused by the x86_64 module loader. */
    R_X86_64_PC32_BND(39, false),
    /** {@code r_type} 40, refused by the x86_64 module loader. */
    R_X86_64_PLT32_BND(40, false),
    /** {@code r_type} 41, refused by the x86_64 module loader. */
    R_X86_64_GOTPCRELX(41, false),
    /** {@code r_type} 42, refused by the x86_64 module loader. */
    R_X86_64_REX_GOTPCRELX(42, false),
    /** {@code r_type} 250, refused by the x86_64 module loader. */
    R_X86_64_GNU_VTINHERIT(250, false),
    /** {@code r_type} 251, refused by the x86_64 module loader. */
    R_X86_64_GNU_VTENTRY(251, false);

    private static final CodeIndex<X86_64RelocationType> BY_CODE = new CodeIndex<>(values());

    private final Code entry;

    X86_64RelocationType(int code, boolean kernelAccepts) {
        this.entry = new Code(code, kernelAccepts);
    }

    /**
     * {@return the type with that {@code r_type} value, if readelf knows one}
     *
     * @param code the {@code r_type} value
     */
    public static Optional<X86_64RelocationType> of(int code) {
        return BY_CODE.find(code);
    }

    @Override
    public Code entry() {
        return entry;
    }
}
