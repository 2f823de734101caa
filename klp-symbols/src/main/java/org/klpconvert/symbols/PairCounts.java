package org.klpconvert.symbols;

import java.util.Arrays;

/** Open-addressing counter keyed by (object id, name id), both non-negative ints. */
final class PairCounts {
    private static final long EMPTY = -1L;
    private static final long GOLDEN = 0x9E3779B97F4A7C15L;

    private long[] keys;
    private int[] counts;
    private int shift;
    private int size;

    PairCounts(int expected) {
        int capacity = Integer.highestOneBit(Math.max(16, expected * 2 - 1)) << 1;
        keys = new long[capacity];
        Arrays.fill(keys, EMPTY);
        counts = new int[capacity];
        shift = Long.numberOfLeadingZeros(capacity - 1);
    }

    /** Adds one to the pair's count and returns the new count. */
    int increment(int object, int name) {
        long key = key(object, name);
        int i = slot(key);
        if (keys[i] == EMPTY) {
            keys[i] = key;
            if (++size * 2 > keys.length) {
                grow();
                i = slot(key);
            }
        }
        return ++counts[i];
    }

    int count(int object, int name) {
        long key = key(object, name);
        int i = slot(key);
        return keys[i] == EMPTY ? 0 : counts[i];
    }

    /** The slot holding {@code key}, or the empty slot where it belongs. */
    private int slot(long key) {
        int mask = keys.length - 1;
        int i = (int) ((key * GOLDEN) >>> shift);
        while (keys[i] != EMPTY && keys[i] != key) {
            i = (i + 1) & mask;
        }
        return i;
    }

    private void grow() {
        long[] oldKeys = keys;
        int[] oldCounts = counts;
        keys = new long[oldKeys.length * 2];
        Arrays.fill(keys, EMPTY);
        counts = new int[keys.length];
        shift--;
        for (int j = 0; j < oldKeys.length; j++) {
            if (oldKeys[j] != EMPTY) {
                int i = slot(oldKeys[j]);
                keys[i] = oldKeys[j];
                counts[i] = oldCounts[j];
            }
        }
    }

    private static long key(int object, int name) {
        return ((long) object << 32) | name;
    }
}
