package org.klpconvert.elf;

/**
 * One symbol table entry as stored. {@link #shndx()} is the 16-bit field;
 * {@link #sectionIndex()} is the section the symbol is defined in after resolving
 * {@code SHN_XINDEX}, or 0 when it has none (undefined or a special index).
 */
public record ElfSymbol(int index, String name, long nameOffset, int info, int other, int shndx,
        int sectionIndex, long value, long size) {

    /** {@return the binding ({@code STB_*}), the high nibble of {@code st_info}} */
    public int bind() {
        return info >>> 4;
    }

    /** {@return the type ({@code STT_*}), the low nibble of {@code st_info}} */
    public int type() {
        return info & 0xf;
    }

    /** {@return whether the symbol is defined in a section of the file} */
    public boolean hasSection() {
        return sectionIndex != 0;
    }
}
