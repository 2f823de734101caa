package org.klpconvert.elf.dump;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.klpconvert.elf.CorpusObjects;
import org.klpconvert.elf.ElfFile;
import org.klpconvert.testdata.Tools;

/**
 * The dump against the real thing: GNU readelf 2.40 run on every readable corpus object must
 * print exactly the text {@link ReadelfDump} produces.
 */
class ReadelfDumpTest {

    @TempDir
    static Path tmp;

    @BeforeAll
    static void readelfIsThere() {
        assumeTrue(Tools.available("readelf"), Tools.reason("readelf"));
    }

    /** What readelf prints for the file at {@code path}. */
    static String readelf(Path path) {
        return Tools.run("readelf", "-W", "-h", "-S", "-s", "-r", path.toString());
    }

    @TestFactory
    Stream<DynamicTest> everyCorpusObjectDumpsLikeReadelf() {
        return CorpusObjects.readable().stream().map(p -> DynamicTest.dynamicTest(CorpusObjects.name(p),
                () -> assertEquals(readelf(p), ReadelfDump.of(ElfFile.read(p)))));
    }

    /**
     * The header bytes that change the legend and the letters: OS/ABI GNU and FreeBSD (which
     * add {@code R (retain)}), and an unknown ABI version.
     */
    @TestFactory
    Stream<DynamicTest> osAbiVariants() {
        Path ppc32 = CorpusObjects.readable().stream().filter(p -> p.toString().contains("ppc32")).findFirst()
                .orElseThrow();
        Path x86 = CorpusObjects.readable().stream().filter(p -> p.toString().contains("x86_64")).findFirst()
                .orElseThrow();
        return Stream.of(3, 9, 97).flatMap(abi -> Stream.of(ppc32, x86).map(p -> DynamicTest.dynamicTest(
                CorpusObjects.name(p) + " OS/ABI " + abi, () -> {
                    byte[] bytes = Files.readAllBytes(p);
                    bytes[7] = (byte) (int) abi;
                    bytes[8] = 5;
                    Path copy = Files.write(tmp.resolve("abi" + abi + ".ko"), bytes);
                    assertEquals(readelf(copy), ReadelfDump.of(ElfFile.parse(bytes, copy.toString())));
                })));
    }
}
