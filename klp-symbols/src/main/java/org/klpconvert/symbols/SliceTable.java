package org.klpconvert.symbols;

import java.util.Arrays;

/**
 * An open-addressing hash table that gives each distinct byte slice of one array a dense id
 * (0, 1, 2, ... in order of first insertion). Keys are never copied: a slice is stored as two
 * offsets into the array it was added from.
 */
final class SliceTable {
    private static final int GOLDEN = 0x9E3779B9;

    private final byte[] data;
    private int[] slots;
    private int[] slotHashes;
    private int shift;
    private int[] starts;
    private int[] ends;
    private int size;

    SliceTable(byte[] data, int expected) {
        this.data = data;
        int capacity = Integer.highestOneBit(Math.max(16, expected * 2 - 1)) << 1;
        slots = new int[capacity];
        slotHashes = new int[capacity];
        shift = Integer.numberOfLeadingZeros(capacity - 1);
        starts = new int[Math.max(16, expected)];
        ends = new int[starts.length];
    }

    int size() {
        return size;
    }

    int start(int id) {
        return starts[id];
    }

    int end(int id) {
        return ends[id];
    }

    /** The id of {@code data[start, end)}, adding the slice when it is new. */
    int add(int start, int end) {
        int hash = hash(data, start, end);
        int mask = slots.length - 1;
        for (int i = index(hash); ; i = (i + 1) & mask) {
            int id = slots[i] - 1;
            if (id < 0) {
                return insert(i, hash, start, end);
            }
            if (slotHashes[i] == hash && Arrays.equals(data, starts[id], ends[id], data, start, end)) {
                return id;
            }
        }
    }

    /** The id of the slice {@code key[from, to)} of any array, or -1. */
    int find(byte[] key, int from, int to) {
        int hash = hash(key, from, to);
        int mask = slots.length - 1;
        for (int i = index(hash); ; i = (i + 1) & mask) {
            int id = slots[i] - 1;
            if (id < 0) {
                return -1;
            }
            if (slotHashes[i] == hash && Arrays.equals(data, starts[id], ends[id], key, from, to)) {
                return id;
            }
        }
    }

    int find(byte[] key) {
        return find(key, 0, key.length);
    }

    private int insert(int slot, int hash, int start, int end) {
        if (size == starts.length) {
            starts = Arrays.copyOf(starts, size + (size >> 1));
            ends = Arrays.copyOf(ends, starts.length);
        }
        int id = size++;
        starts[id] = start;
        ends[id] = end;
        slots[slot] = id + 1;
        slotHashes[slot] = hash;
        if (size * 2 > slots.length) {
            grow();
        }
        return id;
    }

    private void grow() {
        int[] oldSlots = slots;
        int[] oldHashes = slotHashes;
        slots = new int[oldSlots.length * 2];
        slotHashes = new int[slots.length];
        shift--;
        int mask = slots.length - 1;
        for (int j = 0; j < oldSlots.length; j++) {
            if (oldSlots[j] != 0) {
                int i = index(oldHashes[j]);
                while (slots[i] != 0) {
                    i = (i + 1) & mask;
                }
                slots[i] = oldSlots[j];
                slotHashes[i] = oldHashes[j];
            }
        }
    }

    private int index(int hash) {
        return (hash * GOLDEN) >>> shift;
    }

    static int hash(byte[] a, int from, int to) {
        int h = 1;
        for (int i = from; i < to; i++) {
            h = 31 * h + a[i];
        }
        return h;
    }
}
