package org.klpconvert.elf.edit;

import java.nio.ByteOrder;

/** Class and byte order of an object: what every encoder needs. */
public record ObjectShape(boolean is64, ByteOrder order) {

    /** {@return the size of a symbol table entry} */
    public int symbolSize() {
        return is64 ? 24 : 16;
    }

    /** {@return the size of a RELA entry} */
    public int relaSize() {
        return is64 ? 24 : 12;
    }

    /** {@return the size of a REL entry} */
    public int relSize() {
        return is64 ? 16 : 8;
    }

    /** {@return the size of a section header} */
    public int sectionHeaderSize() {
        return is64 ? 64 : 40;
    }

    /** {@return the size of the ELF header} */
    public int elfHeaderSize() {
        return is64 ? 64 : 52;
    }

    /** {@return alignment of the section header table in the libelf layout} */
    public int wordAlignment() {
        return is64 ? 8 : 4;
    }
}
