package org.klpconvert.symbols;

import java.util.Arrays;

/**
 * The index over one symbols file: offsets into its bytes, no per-line objects. Entries (the
 * non-exported lines) are numbered in file order; each name keeps its last entry, and each
 * entry the previous one with the same name, so a name's entries are a chain in reverse file
 * order (the order of the C tool's list).
 */
final class SymbolIndex implements SymbolFileFormat.LineHandler<RuntimeException> {

    private final byte[] data;
    private final NameFilter filter;
    final SliceTable objects;
    /** Name slices; the value of a name is its last entry. */
    final SliceTable names;
    final SliceTable exported;
    private int[] entryObject;
    private int[] entryPrevious;
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
        entryObject = new int[Math.max(16, expected)];
        entryPrevious = new int[entryObject.length];
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
                    addEntry(names.add(start, nameEnd));
                }
            }
        }
    }

    private void addEntry(int name) {
        if (entryCount == entryObject.length) {
            int capacity = entryCount + (entryCount >> 1);
            entryObject = Arrays.copyOf(entryObject, capacity);
            entryPrevious = Arrays.copyOf(entryPrevious, capacity);
        }
        int entry = entryCount++;
        entryObject[entry] = currentObject;
        entryPrevious[entry] = names.value(name);
        names.setValue(name, entry);
    }

    int entryCount() {
        return entryCount;
    }

    /** The entries of a name id, in file order. */
    int[] entries(int name) {
        int count = 0;
        for (int e = names.value(name); e >= 0; e = entryPrevious[e]) {
            count++;
        }
        int[] result = new int[count];
        for (int e = names.value(name); e >= 0; e = entryPrevious[e]) {
            result[--count] = e;
        }
        return result;
    }

    int object(int entry) {
        return entryObject[entry];
    }
}
