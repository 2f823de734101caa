package org.klpconvert.symbols;

import java.util.Arrays;

/**
 * The index over one symbols file: offsets into its bytes, no per-line objects. Entries (the
 * non-exported lines) are numbered in file order; entries with the same name are chained in
 * file order; a (object, name) counter gives counts and positions.
 */
final class SymbolIndex implements SymbolFileFormat.LineHandler<RuntimeException> {

    private final byte[] data;
    private final NameFilter filter;
    final SliceTable objects;
    final SliceTable names;
    final SliceTable exported;
    final PairCounts counts;
    private int[] nameHead;
    private int[] nameTail;
    private int[] entryObject;
    private int[] entryNext;
    private int[] entryOccurrence;
    private int entryCount;
    private int currentObject = -1;

    /** Which names to keep: all of them, or a given set. */
    interface NameFilter {
        boolean accepts(byte[] data, int start, int end);
    }

    SymbolIndex(byte[] data, NameFilter filter) {
        this.data = data;
        this.filter = filter;
        int expected = filter == null ? data.length / 24 : 16;
        objects = new SliceTable(data, filter == null ? 4096 : 256);
        names = new SliceTable(data, expected);
        exported = new SliceTable(data, filter == null ? expected / 16 : 16);
        counts = new PairCounts(expected);
        nameHead = new int[Math.max(16, expected)];
        nameTail = new int[nameHead.length];
        entryObject = new int[Math.max(16, expected)];
        entryNext = new int[entryObject.length];
        entryOccurrence = new int[entryObject.length];
    }

    @Override
    public void line(SymbolFileFormat.LineKind kind, int start, int nameEnd, int lineEnd) {
        switch (kind) {
            case OBJECT -> currentObject = objects.add(start, nameEnd);
            case EXPORTED -> {
                if (filter == null || filter.accepts(data, start, nameEnd)) {
                    exported.add(start, nameEnd);
                }
            }
            default -> {
                if (filter == null || filter.accepts(data, start, nameEnd)) {
                    int known = names.size();
                    int name = names.add(start, nameEnd);
                    addEntry(name, name == known);
                }
            }
        }
    }

    private void addEntry(int name, boolean newName) {
        if (entryCount == entryObject.length) {
            int capacity = entryCount + (entryCount >> 1);
            entryObject = Arrays.copyOf(entryObject, capacity);
            entryNext = Arrays.copyOf(entryNext, capacity);
            entryOccurrence = Arrays.copyOf(entryOccurrence, capacity);
        }
        int entry = entryCount++;
        entryObject[entry] = currentObject;
        entryNext[entry] = -1;
        entryOccurrence[entry] = counts.increment(currentObject, name);
        if (newName) {
            if (name == nameHead.length) {
                nameHead = Arrays.copyOf(nameHead, name + (name >> 1));
                nameTail = Arrays.copyOf(nameTail, nameHead.length);
            }
            nameHead[name] = entry;
        } else {
            entryNext[nameTail[name]] = entry;
        }
        nameTail[name] = entry;
    }

    int entryCount() {
        return entryCount;
    }

    /** First entry with that name id, in file order. */
    int head(int name) {
        return nameHead[name];
    }

    /** The next entry with the same name, or -1. */
    int next(int entry) {
        return entryNext[entry];
    }

    int object(int entry) {
        return entryObject[entry];
    }

    /** 1-based occurrence of the entry's name within its object, in file order. */
    int occurrence(int entry) {
        return entryOccurrence[entry];
    }
}
