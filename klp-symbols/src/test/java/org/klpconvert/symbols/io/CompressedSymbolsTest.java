package org.klpconvert.symbols.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.klpconvert.symbols.SymbolMap;
import org.klpconvert.symbols.SymbolMapFormatException;
import org.klpconvert.testdata.TestData;
import org.klpconvert.testdata.Tools;

/** Transparent decompression of symbols files by content magic. */
class CompressedSymbolsTest {

    @TempDir
    Path dir;

    static byte[] plain() throws IOException {
        return Files.readAllBytes(TestData.symbolsFile("x86_64"));
    }

    @ParameterizedTest
    @EnumSource(Compression.class)
    void libraryCompressedFilesLoadLikeThePlainOne(Compression c) throws IOException {
        byte[] plain = plain();
        Path file = Files.write(dir.resolve("symbols.klp"), CompressedTestFiles.compress(c, plain));
        assertEquals(c, Compression.detect(Files.readAllBytes(file)));
        assertArrayEquals(plain, Compression.readAll(file));
        SymbolMap map = SymbolMap.load(file);
        assertEquals(SymbolMap.parse(plain, "plain", null).entryCount(), map.entryCount());
        assertEquals(3, map.count("vmlinux", "c_start"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"gzip", "xz", "zstd"})
    void commandLineCompressedFilesLoad(String tool) throws IOException {
        assumeTrue(Tools.available(tool), Tools.reason(tool));
        Path source = Files.copy(TestData.symbolsFile("arm64"), dir.resolve("symbols.klp"));
        Tools.run(tool, "-q", "-k", source.toString());
        String suffix = switch (tool) {
            case "gzip" -> ".gz";
            case "xz" -> ".xz";
            default -> ".zst";
        };
        Path packed = dir.resolve("symbols.klp" + suffix);
        assertArrayEquals(Files.readAllBytes(source), Compression.readAll(packed));
        assertEquals(SymbolMap.load(source).entryCount(), SymbolMap.load(packed).entryCount());
    }

    @Test
    void plainDataIsReturnedWithoutCopy() throws IOException {
        byte[] data = "klp-convert-symbol-data.0.1\n".getBytes(StandardCharsets.ISO_8859_1);
        assertSame(data, Compression.decompress(data, "x"));
    }

    @Test
    void corruptCompressedDataIsM12() throws IOException {
        byte[] broken = CompressedTestFiles.xz(plain());
        broken[broken.length / 2] ^= 0x55;
        Path file = Files.write(dir.resolve("broken.klp"), broken);
        SymbolMapFormatException e = assertThrows(SymbolMapFormatException.class, () -> SymbolMap.load(file));
        assertEquals(SymbolMapFormatException.Kind.UNKNOWN_FORMAT, e.kind());
    }
}
