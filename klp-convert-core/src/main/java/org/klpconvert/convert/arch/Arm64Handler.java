package org.klpconvert.convert.arch;

import org.klpconvert.elf.reloc.Machine;

/** arm64: GOT types are refused by the kernel; the type table says so. */
final class Arm64Handler extends KernelTypeRules {
    Arm64Handler() {
        super(Machine.AARCH64, "arm64");
    }
}
