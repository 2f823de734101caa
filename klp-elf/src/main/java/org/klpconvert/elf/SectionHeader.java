package org.klpconvert.elf;

/**
 * One section header as stored in the file, with its name resolved from the section-name
 * string table (ISO-8859-1, so every byte maps to one char).
 */
public record SectionHeader(int index, String name, long nameOffset, int type, long flags, long addr,
        long offset, long size, long link, long info, long addralign, long entsize) {

    /** {@return whether the section occupies bytes in the file} */
    public boolean hasFileData() {
        return type != Elf.SHT_NOBITS && type != Elf.SHT_NULL;
    }
}
