package org.klpconvert.convert.arch;

import java.util.Optional;
import java.util.OptionalLong;

import org.klpconvert.elf.edit.ObjectShape;
import org.klpconvert.elf.edit.RawContent;
import org.klpconvert.elf.edit.Relocation;
import org.klpconvert.elf.edit.Section;
import org.klpconvert.elf.reloc.Machine;

/**
 * x86_64: besides the accepted types, the kernel refuses to relocate a location whose bytes
 * are not zero ("Invalid relocation target, existing value is nonzero").
 */
final class X86_64Handler extends KernelTypeRules {
    private static final int R_X86_64_NONE = 0;
    private static final int R_X86_64_64 = 1;
    private static final int R_X86_64_PC64 = 24;

    X86_64Handler() {
        super(Machine.X86_64, "x86_64");
    }

    @Override
    Optional<String> machineRefusal(Relocation r, Section target, ObjectShape shape) {
        if (r.type() == R_X86_64_NONE) {
            return Optional.empty(); // skipped before the zero check: nothing is written
        }
        int width = r.type() == R_X86_64_64 || r.type() == R_X86_64_PC64 ? 8 : 4;
        OptionalLong existing = TargetBytes.read(target, r.offset(), width, shape);
        if (existing.isEmpty() && target.content() instanceof RawContent) {
            return Optional.of("the " + width + "-byte location at r_offset 0x" + Long.toHexString(r.offset())
                    + " runs past the end of " + target.name());
        }
        if (existing.isPresent() && existing.getAsLong() != 0) {
            return Optional.of("the location holds 0x" + Long.toHexString(existing.getAsLong())
                    + ", and the kernel relocates only zeroed locations");
        }
        return Optional.empty();
    }
}
