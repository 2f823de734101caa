package org.klpconvert.symbols;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.concurrent.ThreadLocalRandom;

/**
 * An open-addressing hash table that gives each distinct byte slice of one array a dense id
 * (0, 1, 2, ... in order of first insertion) and one int value per id. Keys are never copied:
 * a slice is stored as two offsets into the array it was added from.
 *
 * <p>Loading a large file is bound by cache misses, so each slot keeps its id next to its
 * hash, and each id keeps start, end and value together: a probe that hits costs about two
 * misses, a new key about one.
 *
 * <p>The keys come from a file anyone can write, so they must not be able to choose
 * collisions: with a plain {@code 31 * h + b} hash, names built from "Aa"/"BB" blocks all
 * collide and loading turns quadratic (65,536 such names took 11 s). So the hash depends on
 * two secrets drawn once per JVM, and folds in 8 bytes at a time by a full 64x64-to-128-bit
 * multiply of the block and the running state, both masked by a secret. Unlike a
 * multiply/xor-shift chain on the block alone (murmur style), whose differences can be made
 * to cancel whatever the seed, the product's difference depends on the secret values, so
 * colliding names cannot be computed in advance. murmur3's finaliser spreads the result over
 * all bits, because the slot is taken from the top bits.
 */
final class SliceTable {
    private static final int RECORD = 3;
    /** The secrets: the initial state, and the mask of every block. */
    private static final long SEED = ThreadLocalRandom.current().nextLong();
    private static final long BLOCK_KEY = ThreadLocalRandom.current().nextLong();
    /** Keeps a zero state from zeroing the product. */
    private static final long STATE_KEY = 0x9E3779B97F4A7C15L;
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class,
            ByteOrder.LITTLE_ENDIAN);

    private final byte[] data;
    /** Pairs (id + 1, hash); id + 1 == 0 marks an empty slot. */
    private int[] slots;
    private int shift;
    /** Triples (start, end, value) per id. */
    private int[] records;
    private int size;

    SliceTable(byte[] data, int expected) {
        this.data = data;
        int capacity = Integer.highestOneBit(Math.max(16, expected * 2 - 1)) << 1;
        slots = new int[2 * capacity];
        shift = Integer.numberOfLeadingZeros(capacity - 1);
        records = new int[RECORD * Math.max(16, expected)];
    }

    int size() {
        return size;
    }

    int start(int id) {
        return records[RECORD * id];
    }

    int end(int id) {
        return records[RECORD * id + 1];
    }

    /** The value of an id; -1 until set. */
    int value(int id) {
        return records[RECORD * id + 2];
    }

    void setValue(int id, int value) {
        records[RECORD * id + 2] = value;
    }

    /** The id of {@code data[start, end)}, adding the slice when it is new. */
    int add(int start, int end) {
        int hash = hash(data, start, end);
        int mask = slots.length / 2 - 1;
        for (int i = index(hash); ; i = (i + 1) & mask) {
            int id = slots[2 * i] - 1;
            if (id < 0) {
                return insert(i, hash, start, end);
            }
            if (slots[2 * i + 1] == hash && equals(id, data, start, end)) {
                return id;
            }
        }
    }

    /** The id of the slice {@code key[from, to)} of any array, or -1. */
    int find(byte[] key, int from, int to) {
        int hash = hash(key, from, to);
        int mask = slots.length / 2 - 1;
        for (int i = index(hash); ; i = (i + 1) & mask) {
            int id = slots[2 * i] - 1;
            if (id < 0) {
                return -1;
            }
            if (slots[2 * i + 1] == hash && equals(id, key, from, to)) {
                return id;
            }
        }
    }

    int find(byte[] key) {
        return find(key, 0, key.length);
    }

    private boolean equals(int id, byte[] key, int from, int to) {
        int r = RECORD * id;
        return Arrays.equals(data, records[r], records[r + 1], key, from, to);
    }

    private int insert(int slot, int hash, int start, int end) {
        if (RECORD * size == records.length) {
            records = Arrays.copyOf(records, RECORD * (size + (size >> 1)));
        }
        int id = size++;
        records[RECORD * id] = start;
        records[RECORD * id + 1] = end;
        records[RECORD * id + 2] = -1;
        slots[2 * slot] = id + 1;
        slots[2 * slot + 1] = hash;
        if (size * 2 > slots.length / 2) {
            grow();
        }
        return id;
    }

    private void grow() {
        int[] old = slots;
        slots = new int[old.length * 2];
        shift--;
        int mask = slots.length / 2 - 1;
        for (int j = 0; j < old.length; j += 2) {
            if (old[j] != 0) {
                int i = index(old[j + 1]);
                while (slots[2 * i] != 0) {
                    i = (i + 1) & mask;
                }
                slots[2 * i] = old[j];
                slots[2 * i + 1] = old[j + 1];
            }
        }
    }

    /** The hash is well mixed in all its bits, so its top bits are the slot. */
    private int index(int hash) {
        return hash >>> shift;
    }

    static int hash(byte[] a, int from, int to) {
        long h = SEED ^ (to - from);
        int i = from;
        for (; to - i >= Long.BYTES; i += Long.BYTES) {
            h = fold(h, (long) LONGS.get(a, i));
        }
        if (i < to) {
            long tail = 0;
            for (int bits = 0; i < to; i++, bits += Byte.SIZE) {
                tail |= (a[i] & 0xffL) << bits;
            }
            h = fold(h, tail);
        }
        return (int) (finish(h) >>> 32);
    }

    /** Folds one block into the state: both halves of their 128-bit product, xored. */
    private static long fold(long state, long block) {
        long x = block ^ BLOCK_KEY;
        long y = state ^ STATE_KEY;
        return x * y ^ Math.multiplyHigh(x, y);
    }

    /** murmur3's fmix64: every input bit affects every output bit. */
    private static long finish(long h) {
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        return h ^ (h >>> 33);
    }
}
