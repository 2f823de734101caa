package org.klpconvert.elf.edit;

/** Where the writer places section data and the section header table. */
public enum LayoutPolicy {
    /**
     * Keep every section that did not grow at its original offset, append what grew or is
     * new at the end; keep the input's header bytes. Reading and writing an object without
     * edits gives back the same bytes.
     */
    PRESERVE,
    /**
     * The layout elfutils libelf chooses when it lays out a new object: sections in index
     * order, each at its {@code sh_addralign}, the section header table last at 8 (ELF64) or
     * 4 (ELF32) bytes; {@code sh_entsize} normalised for table types; a fresh ELF header.
     * This is what the C klp-convert writes (klp-convert.md section 6).
     */
    LIBELF
}
