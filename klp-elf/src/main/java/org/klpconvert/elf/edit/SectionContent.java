package org.klpconvert.elf.edit;

/**
 * What a section holds, decoded as far as editing needs. Tables that hold indices (symbols,
 * relocations, groups, extended indices) keep object references instead, and are encoded
 * again at write time with the indices of that moment.
 */
public sealed interface SectionContent
        permits RawContent, NoBits, StringTable, SymbolTable, RelocationTable, GroupContent, ExtendedIndexTable {

    /**
     * {@return size in bytes this content occupies when written with the given entry size}
     *
     * @param shape the entry sizes of the object's class
     */
    long size(ObjectShape shape);
}
