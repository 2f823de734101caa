package org.klpconvert.elf.reloc;

/**
 * A relocation type of one machine, named exactly as GNU readelf 2.40 prints it.
 */
public interface RelocationType {

    /** {@return the {@code r_type} value} */
    int code();

    /** {@return readelf's spelling, e.g. {@code R_X86_64_PC32}} */
    String readelfName();

    /**
     * {@return whether the Linux kernel's {@code apply_relocate_add} for this machine applies the type
     * (kernel-rules.md section 7), and so whether it may appear in a livepatch relocation
     * section}
     */
    boolean kernelAccepts();
}
