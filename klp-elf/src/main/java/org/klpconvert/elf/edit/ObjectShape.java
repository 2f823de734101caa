package org.klpconvert.elf.edit;

import java.nio.ByteOrder;

/** Class and byte order of an object: what every encoder needs. */
public record ObjectShape(boolean is64, ByteOrder order) {

    public int symbolSize() {
        return is64 ? 24 : 16;
    }

    public int relaSize() {
        return is64 ? 24 : 12;
    }

    public int relSize() {
        return is64 ? 16 : 8;
    }

    public int sectionHeaderSize() {
        return is64 ? 64 : 40;
    }

    public int elfHeaderSize() {
        return is64 ? 64 : 52;
    }

    /** Alignment of the section header table in the libelf layout. */
    public int wordAlignment() {
        return is64 ? 8 : 4;
    }
}
