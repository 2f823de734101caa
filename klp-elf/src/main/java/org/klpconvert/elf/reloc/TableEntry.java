package org.klpconvert.elf.reloc;

/**
 * A relocation type that is a constant of one of the per-machine enums: its name is readelf's
 * spelling, and its code and kernel flag sit in one {@link Code} value, so that each enum only
 * declares its table.
 */
public interface TableEntry extends RelocationType {

    /** The {@code r_type} value and kernel acceptance of one constant. */
    record Code(int value, boolean kernelAccepts) {
    }

    /** {@return the code and kernel flag of this constant} */
    Code entry();

    /** {@return the enum constant's name} */
    String name();

    @Override
    default int code() {
        return entry().value();
    }

    @Override
    default String readelfName() {
        return name();
    }

    @Override
    default boolean kernelAccepts() {
        return entry().kernelAccepts();
    }
}
