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

    /**
     * {@return readelf's name of a relocation type, or {@code unrecognized: <hex>}}
     *
     * @param type the {@code r_type} value
     */
    String typeName(int type);

    /**
     * {@return why the kernel cannot apply {@code relocation} as a livepatch relocation, or empty}
     *
     * @param relocation the relocation
     * @param shape the entry sizes of the object's class
     * @param target the section the relocation applies to
     */
    Optional<String> refusal(Relocation relocation, Section target, ObjectShape shape);

    /**
     * {@return why a location at {@code offset} is not inside {@code target}, or empty} The
     * kernel would write past the section, into whatever follows it in memory.
     *
     * @param offset the relocation's {@code r_offset}
     * @param target the section the relocation applies to
     * @param shape  the object's class and byte order
     */
    static Optional<String> outside(long offset, Section target, ObjectShape shape) {
        long size = target.content().size(shape);
        if (Long.compareUnsigned(offset, size) >= 0) {
            return Optional.of("r_offset 0x" + Long.toHexString(offset) + " lies past the end of " + target.name()
                    + " (" + size + " bytes)");
        }
        return Optional.empty();
    }

    /**
     * {@return the handler for an {@code e_machine} value; unknown machines get no checks}
     *
     * @param eMachine the {@code e_machine} value
     */
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
