package org.klpconvert.convert.arch;

import java.util.Optional;

import org.klpconvert.elf.edit.ObjectShape;
import org.klpconvert.elf.edit.Relocation;
import org.klpconvert.elf.edit.Section;
import org.klpconvert.elf.reloc.Machine;

/**
 * What one machine's kernel requires of a relocation that becomes a livepatch relocation
 * (kernel-rules.md section 7). The converter moves entries unchanged, so a refusal here is a
 * module the kernel would reject later, reported at conversion time instead.
 */
public interface ArchHandler {

    /** readelf's name of a relocation type, or {@code unrecognized: <hex>}. */
    String typeName(int type);

    /**
     * Why the kernel cannot apply {@code relocation} as a livepatch relocation, or empty.
     *
     * @param target the section the relocation applies to
     */
    Optional<String> refusal(Relocation relocation, Section target, ObjectShape shape);

    /**
     * Why a location at {@code offset} is not inside {@code target}, or empty: the kernel
     * would write past the section, into whatever follows it in memory.
     */
    static Optional<String> outside(long offset, Section target, ObjectShape shape) {
        long size = target.content().size(shape);
        if (Long.compareUnsigned(offset, size) >= 0) {
            return Optional.of("r_offset 0x" + Long.toHexString(offset) + " lies past the end of " + target.name()
                    + " (" + size + " bytes)");
        }
        return Optional.empty();
    }

    /** The handler for an {@code e_machine} value; unknown machines get no checks. */
    static ArchHandler forMachine(int eMachine) {
        return Machine.of(eMachine).<ArchHandler>map(m -> switch (m) {
            case X86_64 -> new X86_64Handler();
            case AARCH64 -> new Arm64Handler();
            case PPC64 -> new Ppc64Handler();
            case PPC -> new Ppc32Handler();
            case S390 -> new S390Handler();
        }).orElseGet(GenericHandler::new);
    }
}
