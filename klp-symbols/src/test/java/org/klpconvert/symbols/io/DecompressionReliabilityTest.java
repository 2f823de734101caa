package org.klpconvert.symbols.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.klpconvert.symbols.SymbolMap;
import org.klpconvert.symbols.SymbolMapFormatException;

/**
 * Issue 9, findings 5 and 6: the header is checked before inflating, the size is counted
 * while streaming (a bomb costs a buffer, not the bound), the bound holds across threads,
 * and every failure names the file once and says why, never "null".
 */
class DecompressionReliabilityTest {
    private static final byte[] TEXT = "klp-convert-symbol-data.0.1\n*vmlinux\nprintk\n".repeat(2000)
            .getBytes(StandardCharsets.ISO_8859_1);

    @TempDir
    Path dir;

    private static long allocated() {
        return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean()).getCurrentThreadAllocatedBytes();
    }

    @Test
    void corruptXzSaysWhatIsWrongAndNeverNull() throws IOException {
        byte[] broken = CompressedTestFiles.xz(TEXT);
        broken[broken.length / 2] ^= 0x55;
        DecompressionException e = assertThrows(DecompressionException.class,
                () -> Compression.decompress(broken, "s.klp.xz"));
        assertTrue(e.getMessage().startsWith("s.klp.xz: corrupt xz data"), e.getMessage());
        assertFalse(e.getMessage().contains("null"), e.getMessage());
        assertFalse(e.getMessage().contains("Exception"), e.getMessage());
    }

    @Test
    void truncatedGzipSaysTruncated() throws IOException {
        byte[] gz = CompressedTestFiles.gzip(TEXT);
        byte[] cut = Arrays.copyOf(gz, gz.length / 2);
        DecompressionException e = assertThrows(DecompressionException.class, () -> Compression.decompress(cut, "s.gz"));
        assertEquals("s.gz: gzip data end before the end of the stream (truncated)", e.getMessage());
    }

    @Test
    void theHeaderIsCheckedBeforeInflating() throws IOException {
        byte[] gz = CompressedTestFiles.gzip(TEXT);
        gz[2] = 9;
        assertEquals("s.gz: not valid gzip data: compression method 9 in the header (8, deflate, expected)",
                assertThrows(DecompressionException.class, () -> Compression.decompress(gz, "s.gz")).getMessage());
        byte[] xz = CompressedTestFiles.xz(TEXT);
        xz[7] ^= 1; // stream flags no longer match their CRC32
        assertEquals("s.xz: not valid xz data: header checksum mismatch",
                assertThrows(DecompressionException.class, () -> Compression.decompress(xz, "s.xz")).getMessage());
    }

    @Test
    void aBombIsRefusedHavingCostABufferNotTheBound() throws IOException {
        byte[] bomb = CompressedTestFiles.zstd(new byte[64 << 20]);
        long limit = 32L << 20;
        long before = allocated();
        assertThrows(DecompressionException.class, () -> Compression.decompress(bomb, "bomb", limit));
        long used = allocated() - before;
        assertTrue(used < limit / 4, "a refused bomb allocated " + (used >> 20) + " MiB");
    }

    @Test
    void theSymbolsFileIsNamedOnceWithTheReason() throws IOException {
        byte[] cut = Arrays.copyOf(CompressedTestFiles.gzip(TEXT), 40);
        Path file = Files.write(dir.resolve("symbols.klp"), cut);
        SymbolMapFormatException e = assertThrows(SymbolMapFormatException.class, () -> SymbolMap.load(file));
        assertEquals(file + ": gzip data end before the end of the stream (truncated)", e.getMessage());
        assertEquals(SymbolMapFormatException.Kind.UNKNOWN_FORMAT, e.kind());
    }

    @Test
    void parallelReadersShareOneBound() throws Exception {
        String old = System.setProperty(Compression.MAX_SIZE_PROPERTY, Integer.toString(TEXT.length * 3 / 2));
        try {
            Path a = Files.write(dir.resolve("a.xz"), CompressedTestFiles.xz(TEXT));
            Path b = Files.write(dir.resolve("b.xz"), CompressedTestFiles.xz(TEXT));
            CountDownLatch aHolds = new CountDownLatch(1);
            CountDownLatch aMayFinish = new CountDownLatch(1);
            AtomicBoolean bRan = new AtomicBoolean();
            Thread first = new Thread(() -> {
                try {
                    Compression.readAll(a, content -> {
                        aHolds.countDown();
                        try {
                            aMayFinish.await();
                        } catch (InterruptedException e) {
                            throw new java.io.InterruptedIOException();
                        }
                        return null;
                    });
                } catch (IOException | RuntimeException e) {
                    throw new AssertionError(e);
                }
            });
            first.start();
            aHolds.await();
            Thread second = new Thread(() -> {
                try {
                    Compression.readAll(b, content -> {
                        bRan.set(true);
                        return null;
                    });
                } catch (IOException e) {
                    throw new AssertionError(e);
                }
            });
            second.start();
            while (second.getState() != Thread.State.WAITING) {
                assertTrue(second.isAlive(), "the second reader must wait, not finish");
                Thread.yield();
            }
            assertFalse(bRan.get(), "both files decompressed at once would exceed the bound");
            aMayFinish.countDown();
            first.join();
            second.join();
            assertTrue(bRan.get());
        } finally {
            if (old == null) {
                System.clearProperty(Compression.MAX_SIZE_PROPERTY);
            } else {
                System.setProperty(Compression.MAX_SIZE_PROPERTY, old);
            }
        }
    }
}
