package org.klpconvert.elf.edit;

/**
 * A {@code SHT_SYMTAB_SHNDX} section (elf-notes.md section 9): one word per symbol of the
 * symbol table it extends (the section's link), holding the real section index of each
 * symbol whose {@code st_shndx} is {@code SHN_XINDEX}. Nothing is stored here: the entries
 * are derived from the symbols when the object is written.
 */
public final class ExtendedIndexTable implements SectionContent {
    private final SymbolTable symbols;

    /**
     * The extension of {@code symbols}.
     *
     * @param symbols the symbol table the indices belong to
     */
    public ExtendedIndexTable(SymbolTable symbols) {
        this.symbols = symbols;
    }

    /** {@return the table this one extends} */
    public SymbolTable symbols() {
        return symbols;
    }

    @Override
    public long size(ObjectShape shape) {
        return 4L * symbols.count();
    }
}
