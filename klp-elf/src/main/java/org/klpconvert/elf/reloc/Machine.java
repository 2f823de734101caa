package org.klpconvert.elf.reloc;

import java.util.Optional;
import java.util.function.IntFunction;

import org.klpconvert.elf.Elf;

/**
 * The machines ({@code e_machine}) klp-convert handles, with readelf's name for each and the
 * relocation types of each. An object for any other machine has no named relocation types.
 */
public enum Machine {
    /** x86_64. */
    X86_64(Elf.EM_X86_64, "Advanced Micro Devices X86-64", X86_64RelocationType::of),
    /** arm64. */
    AARCH64(Elf.EM_AARCH64, "AArch64", Aarch64RelocationType::of),
    /** ppc64 and ppc64le. */
    PPC64(Elf.EM_PPC64, "PowerPC64", Ppc64RelocationType::of),
    /** ppc32. */
    PPC(Elf.EM_PPC, "PowerPC", PpcRelocationType::of),
    /** s390x. */
    S390(Elf.EM_S390, "IBM S/390", S390RelocationType::of);

    private final int eMachine;
    private final String readelfName;
    private final IntFunction<Optional<? extends RelocationType>> types;

    Machine(int eMachine, String readelfName, IntFunction<Optional<? extends RelocationType>> types) {
        this.eMachine = eMachine;
        this.readelfName = readelfName;
        this.types = types;
    }

    /**
     * {@return the machine with that {@code e_machine} value, if it is one of these five}
     *
     * @param eMachine the {@code e_machine} value
     */
    public static Optional<Machine> of(int eMachine) {
        for (Machine m : values()) {
            if (m.eMachine == eMachine) {
                return Optional.of(m);
            }
        }
        return Optional.empty();
    }

    /**
     * {@return the relocation type named by {@code code} on any machine: empty when the machine is not
     * one of these five or readelf has no name for the code}
     *
     * @param eMachine the {@code e_machine} value
     * @param code the {@code r_type} value
     */
    public static Optional<RelocationType> relocationType(int eMachine, int code) {
        return of(eMachine).flatMap(m -> m.relocationType(code));
    }

    /** {@return the {@code e_machine} value} */
    public int eMachine() {
        return eMachine;
    }

    /** {@return what readelf prints in the "Machine:" line of {@code -h}} */
    public String readelfName() {
        return readelfName;
    }

    /**
     * {@return this machine's relocation type with that {@code r_type} value, if readelf knows it}
     *
     * @param code the {@code r_type} value
     */
    public Optional<RelocationType> relocationType(int code) {
        return types.apply(code).map(RelocationType.class::cast);
    }
}
