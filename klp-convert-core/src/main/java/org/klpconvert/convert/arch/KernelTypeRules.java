package org.klpconvert.convert.arch;

import java.util.Optional;

import org.klpconvert.elf.edit.ObjectShape;
import org.klpconvert.elf.edit.Relocation;
import org.klpconvert.elf.edit.Section;
import org.klpconvert.elf.reloc.Machine;
import org.klpconvert.elf.reloc.RelocationType;

/**
 * The checks every known machine shares: the type must be one its {@code apply_relocate_add}
 * accepts, and the location must lie inside the target section. Machines with further needs
 * add them in {@link #machineRefusal}.
 */
abstract class KernelTypeRules implements ArchHandler {
    private final Machine machine;
    private final String archName;

    /**
     * @param archName the kernel's name of the architecture, used in refusals
     */
    KernelTypeRules(Machine machine, String archName) {
        this.machine = machine;
        this.archName = archName;
    }

    @Override
    public String typeName(int type) {
        return machine.relocationType(type).map(RelocationType::readelfName)
                .orElse("unrecognized: " + Integer.toHexString(type));
    }

    @Override
    public final Optional<String> refusal(Relocation relocation, Section target, ObjectShape shape) {
        Optional<RelocationType> type = machine.relocationType(relocation.type());
        if (type.isEmpty()) {
            return Optional.of("type " + relocation.type() + " is not a " + archName + " relocation type");
        }
        if (!type.get().kernelAccepts()) {
            return Optional.of("the " + archName + " kernel's module loader does not accept this type");
        }
        Optional<String> outside = ArchHandler.outside(relocation.offset(), target, shape);
        return outside.isPresent() ? outside : machineRefusal(relocation, target, shape);
    }

    /** Further machine-specific needs; none by default. */
    Optional<String> machineRefusal(Relocation relocation, Section target, ObjectShape shape) {
        return Optional.empty();
    }
}
