package org.klpconvert.convert.arch;

import org.klpconvert.elf.reloc.Machine;

/** s390x: GOT and PLT types are applied (slots are reserved per symbol), COPY/GLOB_DAT/JMP_SLOT/RELATIVE are refused; the type table says so. */
final class S390Handler extends KernelTypeRules {
    S390Handler() {
        super(Machine.S390, "s390");
    }
}
