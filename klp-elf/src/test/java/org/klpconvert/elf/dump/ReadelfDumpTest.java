package org.klpconvert.elf.dump;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.klpconvert.elf.CorpusObjects;
import org.klpconvert.elf.Elf;
import org.klpconvert.elf.ElfFile;
import org.klpconvert.elf.SectionHeader;
import org.klpconvert.testdata.TestData;
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

    /** Equal texts, or a failure that shows the first line that differs. */
    static void assertSameText(String expected, String actual) {
        String[] e = expected.split("\n", -1);
        String[] a = actual.split("\n", -1);
        for (int i = 0; i < Math.min(e.length, a.length); i++) {
            assertEquals(e[i], a[i], "line " + (i + 1));
        }
        assertEquals(e.length, a.length, "number of lines");
    }

    /** What readelf prints for the file at {@code path}. */
    static String readelf(Path path) {
        return Tools.run("readelf", "-W", "-h", "-S", "-s", "-r", path.toString());
    }

    @TestFactory
    Stream<DynamicTest> everyCorpusObjectDumpsLikeReadelf() {
        return CorpusObjects.readable().stream().map(p -> DynamicTest.dynamicTest(CorpusObjects.name(p),
                () -> assertSameText(readelf(p), ReadelfDump.of(ElfFile.read(p)))));
    }

    /**
     * Every symbol type, binding and {@code st_other} value, and assorted section types and
     * flag words, written over corpus objects (OS/ABI 0 and 3) so that each naming branch is
     * compared with readelf, not only those the corpus happens to use.
     */
    @TestFactory
    Stream<DynamicTest> fieldValueVariants() {
        return Stream.of("x86_64", "ppc64le", "ppc32", "arm64", "s390").flatMap(arch -> Stream.of(0, 3).map(abi ->
                DynamicTest.dynamicTest(arch + " OS/ABI " + abi, () -> {
                    Path p = TestData.conformanceDir().resolve(arch).resolve("klp_conv1.ko");
                    byte[] bytes = variant(ElfFile.read(p), Files.readAllBytes(p), abi);
                    Path copy = Files.write(tmp.resolve(arch + "-variant" + abi + ".ko"), bytes);
                    assertSameText(readelf(copy), ReadelfDump.of(ElfFile.parse(bytes, copy.toString())));
                })));
    }

    private static final long[] FLAG_WORDS = {0x1, 0x8, 0x1000, 0x00100042L, 0x00200003L, 0x01000002L, 0x01300000L,
        0x10000003L, 0x20000000L, 0x40000000L, 0x80000006L, 0xd0100003L, 0x0ff00fffL, 0xffffffffL};
    private static final int[] SECTION_TYPES = {5, 6, 10, 14, 15, 16, 20, 0x60000005, 0x6ffffff5,
        0x6ffffff6, 0x6fffffff, 0x70000001, 0x70000003, 0x7fffffff, 0x80000001, 0xffffffff};

    private static byte[] variant(ElfFile file, byte[] original, int abi) throws Exception {
        byte[] b = original.clone();
        ByteBuffer buf = ByteBuffer.wrap(b).order(file.byteOrder());
        b[7] = (byte) abi;
        boolean is64 = file.is64();
        SectionHeader symtab = file.section(".symtab").orElseThrow();
        int count = (int) (symtab.size() / symtab.entsize());
        for (int i = 1; i < count; i++) {
            int at = (int) symtab.offset() + i * (int) symtab.entsize();
            b[at + (is64 ? 4 : 12)] = (byte) (i * 37);
            b[at + (is64 ? 5 : 13)] = (byte) (i * 53);
        }
        // Sections that nothing else depends on: the notes, .comment, .modinfo, ...
        int k = 0;
        for (SectionHeader s : file.sections()) {
            if (s.type() == Elf.SHT_PROGBITS || s.type() == Elf.SHT_NOTE || s.type() == Elf.SHT_NOBITS) {
                int at = (int) (file.header().shoff() + (long) s.index() * file.header().shentsize());
                long flags = FLAG_WORDS[k % FLAG_WORDS.length];
                if (is64) {
                    buf.putLong(at + 8, flags);
                } else {
                    buf.putInt(at + 8, (int) flags);
                }
                if (s.type() != Elf.SHT_NOBITS && !s.name().startsWith(".text")) {
                    buf.putInt(at + 4, SECTION_TYPES[k % SECTION_TYPES.length]);
                }
                k++;
            }
        }
        return b;
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
                    assertSameText(readelf(copy), ReadelfDump.of(ElfFile.parse(bytes, copy.toString())));
                })));
    }
}
