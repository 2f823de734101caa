package org.klpconvert.elf.edit;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Predicate;

/** The entries of a {@code SHT_REL} or {@code SHT_RELA} section, in order. */
public final class RelocationTable implements SectionContent {
    private final boolean rela;
    private final List<Relocation> entries;

    /**
     * A table of RELA entries ({@code rela}) or REL entries.
     *
     * @param rela whether the entries have addends (RELA) or not (REL)
     * @param entries the entries, in order
     */
    public RelocationTable(boolean rela, List<Relocation> entries) {
        this.rela = rela;
        this.entries = new ArrayList<>(entries);
    }

    /** {@return whether entries carry an explicit addend} */
    public boolean isRela() {
        return rela;
    }

    /** {@return a read-only view of the entries} */
    public List<Relocation> entries() {
        return Collections.unmodifiableList(entries);
    }

    /** {@return the number of entries} */
    public int count() {
        return entries.size();
    }

    /**
     * Appends an entry.
     *
     * @param relocation the entry to append
     */
    public void add(Relocation relocation) {
        entries.add(relocation);
    }

    /**
     * Appends all, keeping their order.
     *
     * @param relocations the entries to append, in order
     */
    public void addAll(List<Relocation> relocations) {
        entries.addAll(relocations);
    }

    /**
     * Removes the entries matching {@code filter}, keeping the order of the rest.
     *
     * @param filter selects the entries to remove
     * @return whether any entry was removed
     */
    public boolean removeIf(Predicate<Relocation> filter) {
        return entries.removeIf(filter);
    }

    @Override
    public long size(ObjectShape shape) {
        return (long) entries.size() * (rela ? shape.relaSize() : shape.relSize());
    }
}
