package org.klpconvert.elf.reloc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.klpconvert.elf.CorpusObjects;
import org.klpconvert.elf.Elf;
import org.klpconvert.elf.ElfFile;
import org.klpconvert.elf.edit.ElfEditor;
import org.klpconvert.elf.edit.LayoutPolicy;
import org.klpconvert.elf.edit.Relocation;
import org.klpconvert.elf.edit.RelocationTable;
import org.klpconvert.elf.edit.Section;
import org.klpconvert.testdata.TestData;
import org.klpconvert.testdata.Tools;

/** Relocation type names checked against GNU readelf 2.40 itself. */
class RelocationTypeTest {

    /** One relocation row of {@code readelf -r -W}: offset, info, and the type column. */
    private static final Pattern ROW = Pattern.compile(
            "^([0-9a-f]{8}|[0-9a-f]{16})  ([0-9a-f]{8}|[0-9a-f]{16}) (\\S+)");

    @TempDir
    Path tmp;

    /** Every relocation of every readable corpus object has the name readelf prints for it. */
    @TestFactory
    Stream<DynamicTest> corpusRelocationsAreNamedAsByReadelf() {
        assumeTrue(Tools.available("readelf"), Tools.reason("readelf"));
        return CorpusObjects.readable().stream().map(p -> DynamicTest.dynamicTest(CorpusObjects.name(p), () -> {
            ElfFile file = ElfFile.read(p);
            Map<Integer, String> names = readelfNames(p, file.is64());
            assertFalse(names.isEmpty(), "no relocations parsed");
            names.forEach((code, name) -> assertEquals(Optional.of(name),
                    Machine.relocationType(file.header().machine(), code).map(RelocationType::readelfName),
                    "type " + code));
        }));
    }

    /**
     * Every code from 0 to 4095 (255 for the 8-bit ELF32 field), in one synthetic relocation
     * section per machine: each code readelf names has exactly that enum constant, and each code
     * it calls "unrecognized" has none.
     */
    @TestFactory
    Stream<DynamicTest> everyCodeReadelfKnowsAndNoOther() {
        assumeTrue(Tools.available("readelf"), Tools.reason("readelf"));
        return TestData.conformanceArches().stream().map(arch -> DynamicTest.dynamicTest(arch, () -> {
            ElfFile base = ElfFile.read(TestData.conformanceDir().resolve(arch).resolve("klp_conv1.ko"));
            int last = base.is64() ? 4095 : 255;
            Path object = tmp.resolve(arch + ".o");
            Files.write(object, withEveryType(base, last));
            Machine machine = Machine.of(base.header().machine()).orElseThrow();
            Map<Integer, String> named = readelfNames(object, base.is64());
            for (int code = 0; code <= last; code++) {
                assertEquals(Optional.ofNullable(named.get(code)),
                        machine.relocationType(code).map(RelocationType::readelfName), arch + " type " + code);
            }
        }));
    }

    @Test
    void machines() {
        assertEquals(Optional.of(Machine.S390), Machine.of(22));
        assertEquals("IBM S/390", Machine.S390.readelfName());
        assertEquals("Advanced Micro Devices X86-64", Machine.of(62).orElseThrow().readelfName());
        assertEquals(Optional.empty(), Machine.of(3)); // i386: no names
        assertEquals(Optional.empty(), Machine.relocationType(3, 1));
        assertEquals(Optional.of(Aarch64RelocationType.R_AARCH64_CALL26), Machine.AARCH64.relocationType(283));
    }

    /** The K column of elf-notes.md section 12, spot-checked at its corners. */
    @Test
    void kernelAcceptance() {
        assertTrue(X86_64RelocationType.R_X86_64_PLT32.kernelAccepts());
        assertTrue(X86_64RelocationType.R_X86_64_NONE.kernelAccepts());
        assertFalse(X86_64RelocationType.R_X86_64_GOTPCREL.kernelAccepts());
        assertFalse(X86_64RelocationType.R_X86_64_REX_GOTPCRELX.kernelAccepts());
        assertFalse(Ppc64RelocationType.R_PPC64_NONE.kernelAccepts());
        assertFalse(Ppc64RelocationType.R_PPC64_TOC16_HI.kernelAccepts());
        assertFalse(Ppc64RelocationType.R_PPC64_REL16_HI.kernelAccepts());
        assertTrue(Ppc64RelocationType.R_PPC64_TOC16_LO_DS.kernelAccepts());
        assertTrue(Ppc64RelocationType.R_PPC64_PCREL34.kernelAccepts());
        assertFalse(PpcRelocationType.R_PPC_NONE.kernelAccepts());
        assertTrue(PpcRelocationType.R_PPC_REL32.kernelAccepts());
        assertFalse(PpcRelocationType.R_PPC_ADDR16.kernelAccepts());
        assertTrue(S390RelocationType.R_390_NONE.kernelAccepts());
        assertFalse(S390RelocationType.R_390_RELATIVE.kernelAccepts());
        assertTrue(S390RelocationType.R_390_GOTPLT20.kernelAccepts());
        assertFalse(S390RelocationType.R_390_PC12DBL.kernelAccepts());
        assertTrue(Aarch64RelocationType.R_AARCH64_NONE.kernelAccepts());
        assertTrue(Aarch64RelocationType.R_AARCH64_NULL.kernelAccepts());
        assertTrue(Aarch64RelocationType.R_AARCH64_LDST128_ABS_LO12_NC.kernelAccepts());
        assertFalse(Aarch64RelocationType.R_AARCH64_ADR_GOT_PAGE.kernelAccepts());
        assertEquals(7, count(X86_64RelocationType.values()));
        assertEquals(18, count(Ppc64RelocationType.values()));
        assertEquals(6, count(PpcRelocationType.values()));
        assertEquals(36, count(S390RelocationType.values()));
        assertEquals(39, count(Aarch64RelocationType.values()));
    }

    private static long count(RelocationType[] types) {
        return Stream.of(types).filter(RelocationType::kernelAccepts).count();
    }

    /** type code to name, for every row readelf does not call "unrecognized". */
    private static Map<Integer, String> readelfNames(Path object, boolean is64) {
        Map<Integer, String> names = new TreeMap<>();
        for (String line : Tools.run("readelf", "-r", "-W", object.toString()).split("\n")) {
            Matcher m = ROW.matcher(line);
            if (m.find() && !m.group(3).equals("unrecognized:")) {
                long info = Long.parseUnsignedLong(m.group(2), 16);
                names.put((int) (is64 ? info & 0xffffffffL : info & 0xff), m.group(3));
            }
        }
        return names;
    }

    /** {@code base} plus a RELA section for {@code .text} holding types 0..last, symbol 0. */
    private static byte[] withEveryType(ElfFile base, int last) throws Exception {
        ElfEditor editor = ElfEditor.open(base);
        List<Relocation> entries = new ArrayList<>();
        for (int code = 0; code <= last; code++) {
            entries.add(new Relocation(4L * code, code, null, 0));
        }
        Section rela = editor.addSection(".rela.every_type", Elf.SHT_RELA, 0, new RelocationTable(true, entries));
        rela.setLink(editor.section(".symtab").orElseThrow());
        rela.setInfoSection(editor.section(".text").orElseThrow());
        rela.setEntsize(editor.shape().relaSize());
        rela.setAddralign(editor.shape().wordAlignment());
        return editor.write(LayoutPolicy.LIBELF);
    }
}
