package org.klpconvert.symbols;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Hostile or broken input must fail loudly or load in bounded time, never silently degrade. */
class SymbolMapRobustnessTest {

    private static final int COLLIDING_BLOCKS = 18; // 2^18 = 262,144 names

    /**
     * The name with blocks "Aa"/"BB" chosen by the bits of {@code i}: all such names of one
     * length have equal {@code 31 * h + b} hashes (String.hashCode style), so a table keyed
     * by that hash degrades to a linear scan per insertion, quadratic over the file.
     */
    private static String collidingName(int i) {
        StringBuilder name = new StringBuilder(2 * COLLIDING_BLOCKS);
        for (int b = 0; b < COLLIDING_BLOCKS; b++) {
            name.append((i >>> b & 1) == 0 ? "Aa" : "BB");
        }
        return name.toString();
    }

    @Test
    void collidingNamesLoadInBoundedTime() {
        int count = 1 << COLLIDING_BLOCKS;
        ByteArrayOutputStream out = new ByteArrayOutputStream(count * (2 * COLLIDING_BLOCKS + 1) + 64);
        out.writeBytes((SymbolFileFormat.HEADER + "\n*vmlinux\n").getBytes(ISO_8859_1));
        for (int i = 0; i < count; i++) {
            out.writeBytes((collidingName(i) + "\n").getBytes(ISO_8859_1));
        }
        byte[] file = out.toByteArray();
        assertEquals(collidingName(0).hashCode(), collidingName(count - 1).hashCode());

        // a robustness bound, not a speed claim: the 31*h+b table needed minutes here
        SymbolMap map = assertTimeoutPreemptively(Duration.ofSeconds(20),
                () -> SymbolMap.parse(file, "colliding.klp", null));
        assertEquals(count, map.entryCount());
        for (int i : new int[] {0, 1, 12345, count - 1}) {
            assertEquals(1, map.count("vmlinux", collidingName(i)));
        }
        assertEquals(0, map.count("vmlinux", collidingName(7).substring(2)));
    }

    /** Lines "symbol_number_0".. under one object: several MiB, so the scan uses several threads. */
    private static byte[] largeFile(int names) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(names * 16);
        out.writeBytes((SymbolFileFormat.HEADER + "\n*vmlinux\n").getBytes(ISO_8859_1));
        for (int i = 0; i < names; i++) {
            out.writeBytes(("symbol_number_" + i + "\n").getBytes(ISO_8859_1));
        }
        return out.toByteArray();
    }

    @Test
    void workerFailuresReachTheCaller() throws SymbolMapFormatException {
        int names = 400_000; // about 9 MiB: four chunks of at least 1 MiB
        byte[] data = largeFile(names);
        int headerEnd = SymbolFileFormat.checkHeader(data, "big.klp");
        byte[] last = ("symbol_number_" + (names - 1)).getBytes(ISO_8859_1);
        RuntimeException failure = new IllegalStateException("filter broke");
        Error error = new AssertionError("filter broke badly");
        for (Throwable thrown : List.of(failure, error)) {
            // the last name lies in the last chunk, which a worker thread scans
            SymbolIndex.NameFilter filter = (bytes, start, end) -> {
                if (Arrays.equals(bytes, start, end, last, 0, last.length)) {
                    throwUnchecked(thrown);
                }
                return false;
            };
            Throwable caught = assertThrows(Throwable.class, () -> ParallelScan.scan(data, headerEnd, "big.klp",
                    filter, (kind, start, nameEnd, end) -> { }, 4));
            assertSame(thrown, caught);
        }

        // without failures the same scan keeps exactly the accepted lines
        Set<String> wanted = Set.of("symbol_number_0", "symbol_number_" + (names - 1), "absent");
        SymbolMap map = SymbolMap.parse(data, "big.klp", wanted);
        assertEquals(2, map.entryCount());
    }

    private static void throwUnchecked(Throwable t) {
        if (t instanceof Error e) {
            throw e;
        }
        throw (RuntimeException) t;
    }
}
