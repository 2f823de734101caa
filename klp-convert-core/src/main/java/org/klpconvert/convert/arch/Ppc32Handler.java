package org.klpconvert.convert.arch;

import org.klpconvert.elf.reloc.Machine;

/** ppc32: no R_PPC_NONE case in the kernel; the type table says so. */
final class Ppc32Handler extends KernelTypeRules {
    Ppc32Handler() {
        super(Machine.PPC, "ppc32");
    }
}
