package org.klpconvert.convert.arch;

import java.util.Optional;
import java.util.OptionalLong;

import org.klpconvert.elf.edit.ObjectShape;
import org.klpconvert.elf.edit.Relocation;
import org.klpconvert.elf.edit.Section;
import org.klpconvert.elf.reloc.Machine;

/**
 * ppc64: a call through {@code R_PPC64_REL24} to a livepatch symbol always goes through a
 * stub, after which the kernel restores r2 in the word following the {@code bl}; that word
 * must be a {@code nop} (or the restore already). {@code .TOC.} is never converted (core).
 */
final class Ppc64Handler extends KernelTypeRules {
    private static final int R_PPC64_REL24 = 10;
    private static final long BL_MASK = 0xfc000003L;
    private static final long BL = 0x48000001L;
    private static final long NOP = 0x60000000L;
    private static final long RESTORE_R2 = 0xe8410018L;

    Ppc64Handler() {
        super(Machine.PPC64, "ppc64");
    }

    @Override
    Optional<String> machineRefusal(Relocation r, Section target, ObjectShape shape) {
        if (r.type() != R_PPC64_REL24) {
            return Optional.empty();
        }
        OptionalLong insn = TargetBytes.read(target, r.offset(), 4, shape);
        if (insn.isEmpty() || (insn.getAsLong() & BL_MASK) != BL) {
            return Optional.empty();
        }
        OptionalLong next = TargetBytes.read(target, r.offset() + 4, 4, shape);
        if (next.isPresent() && next.getAsLong() != NOP && next.getAsLong() != RESTORE_R2) {
            return Optional.of("the word after the bl is 0x" + Long.toHexString(next.getAsLong())
                    + ", not a nop the kernel can turn into the r2 restore (a call the compiler treated as local)");
        }
        return Optional.empty();
    }
}
