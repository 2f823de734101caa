package org.klpconvert.elf.edit;

/**
 * A {@code SHT_SYMTAB_SHNDX} section. Its entries are derived from the symbol table it
 * extends (the section's link) and rebuilt at write time.
 */
public final class ExtendedIndexTable implements SectionContent {
    private int count;

    void setCount(int count) {
        this.count = count;
    }

    @Override
    public long size(ObjectShape shape) {
        return 4L * count;
    }
}
