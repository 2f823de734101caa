package org.klpconvert.symbols.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.klpconvert.elf.KlpException;
import org.klpconvert.symbols.SymbolMap;
import org.klpconvert.symbols.SymbolMapFormatException;

/** Decompressed output is bounded, so a compression bomb is a typed refusal, not an OutOfMemoryError. */
class DecompressionLimitTest {

    private static final int BOMB_SIZE = 64 << 20;
    private static final long LIMIT = 16 << 20;

    /** 64 MiB of zeros: about 64 KiB compressed. */
    private static byte[] bomb(Compression c) throws IOException {
        return CompressedTestFiles.compress(c, new byte[BOMB_SIZE]);
    }

    @Test
    void everyCompressionStopsAtTheLimit() throws IOException {
        for (Compression c : new Compression[] {Compression.GZIP, Compression.XZ, Compression.ZSTD}) {
            byte[] bomb = bomb(c);
            KlpException e = assertThrows(KlpException.class, () -> Compression.decompress(bomb, "bomb.klp", LIMIT));
            assertTrue(e.getMessage().startsWith("bomb.klp: "), e.getMessage());
            assertTrue(e.getMessage().contains(Long.toString(LIMIT)), e.getMessage());
            assertTrue(e.getMessage().contains(Compression.MAX_SIZE_PROPERTY), e.getMessage());
        }
    }

    @Test
    void outputOfExactlyTheLimitIsAccepted() throws IOException {
        byte[] plain = new byte[1000];
        plain[999] = 7;
        byte[] packed = CompressedTestFiles.gzip(plain);
        assertArrayEquals(plain, Compression.decompress(packed, "x", 1000));
        assertThrows(KlpException.class, () -> Compression.decompress(packed, "x", 999));
    }

    @Test
    void symbolMapRefusesABombAsUnknownFormat() throws IOException {
        byte[] bomb = bomb(Compression.GZIP);
        String old = System.setProperty(Compression.MAX_SIZE_PROPERTY, Long.toString(LIMIT));
        try {
            assertEquals(LIMIT, Compression.maxSize());
            SymbolMapFormatException e = assertThrows(SymbolMapFormatException.class,
                    () -> SymbolMap.parse(bomb, "bomb.klp.gz", null));
            assertEquals(SymbolMapFormatException.Kind.UNKNOWN_FORMAT, e.kind());
            assertTrue(e.getMessage().contains("bomb.klp.gz") && e.getMessage().contains(Long.toString(LIMIT)),
                    e.getMessage());
        } finally {
            if (old == null) {
                System.clearProperty(Compression.MAX_SIZE_PROPERTY);
            } else {
                System.setProperty(Compression.MAX_SIZE_PROPERTY, old);
            }
        }
    }

    @Test
    void theLimitIsClampedToTheLargestArray() {
        String old = System.getProperty(Compression.MAX_SIZE_PROPERTY);
        try {
            System.clearProperty(Compression.MAX_SIZE_PROPERTY);
            assertEquals(Compression.DEFAULT_MAX_SIZE, Compression.maxSize());
            System.setProperty(Compression.MAX_SIZE_PROPERTY, Long.toString(1L << 40));
            assertEquals(Compression.LARGEST_ARRAY, Compression.maxSize());
        } finally {
            if (old != null) {
                System.setProperty(Compression.MAX_SIZE_PROPERTY, old);
            } else {
                System.clearProperty(Compression.MAX_SIZE_PROPERTY);
            }
        }
    }
}
