package org.klpconvert.elf.edit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.klpconvert.elf.Elf;
import org.klpconvert.elf.ElfFile;
import org.klpconvert.elf.ElfSymbol;
import org.klpconvert.elf.SectionHeader;
import org.klpconvert.elf.dump.ReadelfDump;
import org.klpconvert.testdata.TestData;
import org.klpconvert.testdata.Tools;

/**
 * Extended section numbering (elf-notes.md section 9, D12) on objects with more than 65,279
 * sections, generated here: one assembled by GNU as (x86_64, ELF64 LE), one grown by the editor
 * from the ppc32 corpus object (ELF32 BE). readelf is the judge of every output.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExtendedNumberingTest {
    /** Sections .s0 .. .s65299, each defining the global symbol f<i>. */
    private static final int COUNT = 65_300;
    private static final Pattern SECTION_ROW = Pattern.compile("^  \\[ *(\\d+)\\] (\\S*)");
    private static final Pattern SYMBOL_ROW = Pattern.compile(
            "^ +\\d+: \\S+ +\\S+ \\S+ +\\S+ +\\S+ +(\\S+|OS \\S+) (\\S*)$");

    @TempDir
    static Path tmp;
    private Path assembled;

    @BeforeAll
    void assemble() throws IOException {
        assumeTrue(Tools.available("readelf"), Tools.reason("readelf"));
        assumeTrue(Tools.available("as"), Tools.reason("as"));
        Path source = tmp.resolve("many.s");
        try (Writer w = Files.newBufferedWriter(source)) {
            for (int i = 0; i < COUNT; i++) {
                w.write(".section .s" + i + ",\"a\"\n.globl f" + i + "\nf" + i + ": .byte 0\n");
            }
            // Two relocations, from the first section to the last symbol and back.
            w.write(".section .s0,\"a\"\n.quad f" + (COUNT - 1) + "\n.section .s" + (COUNT - 1) + ",\"a\"\n.quad f0\n");
        }
        assembled = tmp.resolve("many.o");
        Tools.run("as", "-o", assembled.toString(), source.toString());
    }

    @Test
    void readerAgreesWithReadelf() throws IOException {
        ElfFile file = ElfFile.read(assembled);
        assertEquals(COUNT + 10, file.sections().size());
        assertEquals(0, file.header().rawShnum());
        assertEquals(Elf.SHN_XINDEX, file.header().rawShstrndx());
        assertEquals(readelf(assembled), ReadelfDump.of(file));
    }

    @Test
    void preserveRoundTripIsByteIdentical() throws IOException {
        byte[] in = Files.readAllBytes(assembled);
        assertArrayEquals(in, ElfEditor.open(ElfFile.parse(in, "many.o")).write(LayoutPolicy.PRESERVE));
    }

    @Test
    void libelfLayoutKeepsTheExtendedValues() throws IOException {
        ElfEditor editor = ElfEditor.open(ElfFile.read(assembled));
        Path out = write(editor, LayoutPolicy.LIBELF, "libelf.o");
        String text = readelf(out);
        assertTrue(text.contains("  Number of section headers:         0 (65310)\n"), text.substring(0, 1500));
        assertTrue(text.contains("  Section header string table index: 65535 (65309)\n"));
        assertEquals(text, ReadelfDump.of(ElfFile.read(out)));
        assertSymbolsInTheirSections(text, -1);
    }

    /**
     * Removing .s1 moves every later section down by one, so the section that was at 0xff00
     * crosses the boundary: its symbol goes from SHN_XINDEX to a direct st_shndx, and
     * everything must still point at the right place.
     */
    @Test
    void removingAnEarlySectionShiftsIndicesAcrossTheBoundary() throws IOException {
        ElfFile original = ElfFile.read(assembled);
        // f<k> is defined in the first section that needs the escape.
        String k = "f" + original.section(Elf.SHN_LORESERVE).name().substring(".s".length());
        assertEquals(Elf.SHN_XINDEX, symbol(original, k).shndx());
        assertEquals(Elf.SHN_LORESERVE, symbol(original, k).sectionIndex());
        for (LayoutPolicy policy : LayoutPolicy.values()) {
            ElfEditor editor = ElfEditor.open(original);
            editor.remove(editor.section(".s1").orElseThrow());
            Path out = write(editor, policy, "removed-" + policy + ".o");
            String text = readelf(out);
            assertEquals(text, ReadelfDump.of(ElfFile.read(out)), policy.toString());
            assertSymbolsInTheirSections(text, 1);
            ElfFile written = ElfFile.read(out);
            ElfSymbol crossed = symbol(written, k);
            assertEquals(Elf.SHN_LORESERVE - 1, crossed.sectionIndex(), policy.toString());
            assertNotEquals(Elf.SHN_XINDEX, crossed.shndx());
            assertTrue(text.contains(" f0 + 0\n") && text.contains(" f" + (COUNT - 1) + " + 0\n"));
        }
    }

    /** The editor creates .symtab_shndx when an object needs one and has none. */
    @Test
    void missingExtendedIndexTableIsCreated() throws IOException {
        ElfEditor editor = ElfEditor.open(ElfFile.read(assembled));
        editor.remove(editor.section(".symtab_shndx").orElseThrow());
        Path out = write(editor, LayoutPolicy.LIBELF, "recreated.o");
        String text = readelf(out);
        assertEquals(text, ReadelfDump.of(ElfFile.read(out)));
        assertSymbolsInTheirSections(text, -1);
        ElfFile written = ElfFile.read(out);
        SectionHeader shndx = written.section(".symtab_shndx").orElseThrow();
        assertEquals(Elf.SHT_SYMTAB_SHNDX, shndx.type());
        assertEquals(written.section(".symtab").orElseThrow().index(), shndx.link());
    }

    /**
     * An ELF32 big-endian object grown past 0xff00 sections by the editor alone: the writer
     * must add the escapes and the extended index table itself.
     */
    @Test
    void elf32BigEndianGrownPastTheLimit() throws IOException {
        ElfFile base = ElfFile.read(TestData.conformanceDir().resolve("ppc32/klp_conv1.ko"));
        ElfEditor editor = ElfEditor.open(base);
        Section symtab = editor.section(".symtab").orElseThrow();
        Section last = null;
        for (int i = 0; i < COUNT; i++) {
            last = editor.addSection(".s" + i, Elf.SHT_PROGBITS, Elf.SHF_ALLOC, new RawContent(new byte[] {(byte) i}));
            last.setAddralign(1);
        }
        Symbol sym = new Symbol("", 0, Elf.STB_GLOBAL << 4 | Elf.STT_OBJECT, 0, last, 0, 0, 1);
        symtab.symbols().add(sym);
        editor.rename(symtab, sym, "f" + (COUNT - 1));
        for (LayoutPolicy policy : LayoutPolicy.values()) {
            Path out = write(editor, policy, "ppc32-" + policy + ".o");
            String text = readelf(out);
            assertEquals(text, ReadelfDump.of(ElfFile.read(out)), policy.toString());
            int shnum = base.sections().size() + COUNT + 1;
            assertTrue(text.contains("  Number of section headers:         0 (" + shnum + ")\n"), policy.toString());
            assertSymbolsInTheirSections(text, -1);
            assertEquals(Elf.SHN_XINDEX, symbol(ElfFile.read(out), "f" + (COUNT - 1)).shndx());
        }
    }

    private Path write(ElfEditor editor, LayoutPolicy policy, String name) throws IOException {
        return Files.write(tmp.resolve(name), editor.write(policy));
    }

    private static String readelf(Path p) {
        return Tools.run("readelf", "-W", "-h", "-S", "-s", "-r", p.toString());
    }

    private static ElfSymbol symbol(ElfFile file, String name) throws IOException {
        for (ElfSymbol s : file.symbols()) {
            if (s.name().equals(name)) {
                return s;
            }
        }
        throw new AssertionError("no symbol " + name);
    }

    /**
     * In readelf's own words: each symbol f<i> is in the section readelf lists as .s<i>,
     * except f<removed>, which must be gone.
     */
    private static void assertSymbolsInTheirSections(String readelf, int removed) {
        Map<String, String> sectionNames = new HashMap<>();
        int symbols = 0;
        for (String line : readelf.split("\n")) {
            Matcher s = SECTION_ROW.matcher(line);
            if (s.find()) {
                sectionNames.put(s.group(1), s.group(2));
                continue;
            }
            Matcher m = SYMBOL_ROW.matcher(line);
            if (m.find() && m.group(2).matches("f\\d+")) {
                String i = m.group(2).substring(1);
                assertEquals(".s" + i, sectionNames.get(m.group(1)), line);
                assertFalse(i.equals(Integer.toString(removed)), line);
                symbols++;
            }
        }
        assertTrue(symbols > 0, "no f<i> symbols found");
    }
}
