package org.klpconvert.convert;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.klpconvert.elf.Elf;
import org.klpconvert.elf.ElfFile;
import org.klpconvert.elf.ElfFormatException;
import org.klpconvert.elf.SectionHeader;
import org.klpconvert.elf.edit.ElfEditor;
import org.klpconvert.elf.edit.LayoutPolicy;
import org.klpconvert.elf.edit.Section;
import org.klpconvert.symbols.SymbolMap;
import org.klpconvert.testdata.ConversionCase;
import org.klpconvert.testdata.TestData;

/**
 * Modules whose structure the converter must refuse with a typed error rather than convert
 * wrongly or fail with an unchecked exception: edited section headers of a real corpus module.
 */
class MalformedModuleTest {
    private static final ConversionCase CASE = TestData.conversionCases().stream()
            .filter(c -> c.toString().equals("x86_64/klp_conv2")).findFirst().orElseThrow();

    private static byte[] input() throws Exception {
        return Files.readAllBytes(CASE.input());
    }

    /** Offset of section {@code name}'s header in an ELF64 little-endian object. */
    private static int headerOf(byte[] object, String name) throws ElfFormatException {
        ElfFile f = ElfFile.parse(object, "m");
        SectionHeader s = f.section(name).orElseThrow();
        return (int) (f.header().shoff() + (long) s.index() * 64);
    }

    private static ByteBuffer le(byte[] b) {
        return ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
    }

    private static Converter converter() throws Exception {
        return new Converter(SymbolMap.load(CASE.symbols()));
    }

    @Test
    void aSectionNamedSymtabThatIsNoSymbolTableIsAnElfError() throws Exception {
        byte[] m = input();
        int symtab = headerOf(m, ".symtab");
        int comment = headerOf(m, ".comment");
        int symtabName = le(m).getInt(symtab);
        le(m).putInt(symtab, le(m).getInt(comment)).putInt(comment, symtabName); // swap the names
        ElfFormatException e = assertThrows(ElfFormatException.class, () -> converter().convert(m, "m.ko"));
        assertTrue(e.getMessage().startsWith("m.ko: section .symtab is not a symbol table"), e.getMessage());
    }

    @Test
    void relocationsAgainstAnotherSymbolTableAreRefusedNotHalfConverted() throws Exception {
        byte[] m = input();
        int symtab = headerOf(m, ".symtab");
        int comment = headerOf(m, ".comment");
        // .comment becomes a second copy of the symbol table header and takes the name
        // .symtab; the table the relocations use is renamed .comment.
        int commentName = le(m).getInt(comment);
        System.arraycopy(m, symtab, m, comment, 64);
        le(m).putInt(symtab, commentName);
        ElfFormatException e = assertThrows(ElfFormatException.class, () -> converter().convert(m, "m.ko"));
        assertTrue(e.getMessage().contains("is not linked to .symtab"), e.getMessage());
    }

    @Test
    void aHugeNobitsAnnotationArrayIsACountMismatchNotAnAllocation() throws Exception {
        byte[] m = input();
        int annotation = headerOf(m, ".klp.module_relocs.vmlinux");
        le(m).putInt(annotation + 4, Elf.SHT_NOBITS).putLong(annotation + 32, 12L * (Integer.MAX_VALUE - 100));
        ConversionException e = assertThrows(ConversionException.class, () -> converter().convert(m, "m.ko"));
        assertEquals("klp-convert: nr_entries mismatch (2 != 2147483547) for .rela.klp.module_relocs.vmlinux\n\n"
                + "klp-convert: Unable to load user-provided sympos\n", e.render());
    }

    @Test
    void anExistingKlpSectionForAnotherBaseIsNotReused() throws Exception {
        // The input already has a .klp.rela.vmlinux..text, but one that applies to .data.
        byte[] original = input();
        ElfEditor fresh = ElfEditor.open(ElfFile.parse(original, "m.ko"));
        Section copy = fresh.addSection(".klp.rela.vmlinux..text", Elf.SHT_RELA, Elf.SHF_ALLOC | Elf.SHF_RELA_LIVEPATCH,
                new org.klpconvert.elf.edit.RelocationTable(true, List.of()));
        copy.setLink(fresh.section(".symtab").orElseThrow());
        copy.setInfoSection(fresh.section(".data").orElseThrow());
        copy.setEntsize(24);
        copy.setAddralign(8);
        byte[] module = fresh.write(LayoutPolicy.PRESERVE);
        ConversionException e = assertThrows(ConversionException.class, () -> converter().convert(module, "m.ko"));
        assertTrue(e.render().contains("Existing section .klp.rela.vmlinux..text is not a RELA section for .text"),
                e.render());
    }

    @Test
    void aKlpRelaNamedSectionThatHoldsNoRelocationsIsCarriedAlong() throws Exception {
        // Found by StructuralFuzzTest: counting the uses of converted symbols walked every
        // .klp.rela.* section as a relocation table and threw IllegalStateException on one
        // that is not (here PROGBITS; the fuzzer renamed .comment, .bss, .symtab...).
        ElfEditor editor = ElfEditor.open(ElfFile.parse(input(), "m.ko"));
        editor.addSection(".klp.rela.x", Elf.SHT_PROGBITS, 0, new org.klpconvert.elf.edit.RawContent(new byte[8]));
        byte[] module = editor.write(LayoutPolicy.PRESERVE);
        ConversionResult result = converter().convert(module, "m.ko");
        assertEquals(converter().convert(input(), "m.ko").report().symbols(), result.report().symbols());
        assertTrue(ElfFile.parse(result.output(), "out.ko").section(".klp.rela.x").isPresent());
        assertEquals(0, converter().convert(result.output(), "out.ko").report().moved());
    }

    @Test
    @Timeout(30)
    void oneHundredThousandIdenticalAnnotationsAreCheckedInLinearTime() throws Exception {
        // The vmlinux annotation array becomes 100,000 identical KLP_SYMPOS(c_start, 3)
        // records. The pairwise check made 5e9 comparisons; the result must still be the C
        // output, since nr_processes then resolves as unique, as its pos 0 said.
        int n = 100_000;
        ElfEditor editor = ElfEditor.open(ElfFile.parse(input(), "m.ko"));
        Section array = editor.section(".klp.module_relocs.vmlinux").orElseThrow();
        Section relocs = editor.section(".rela.klp.module_relocs.vmlinux").orElseThrow();
        org.klpconvert.elf.edit.Relocation cStart = relocs.relocations().entries().stream()
                .filter(r -> r.symbol().name().equals("c_start")).findFirst().orElseThrow();
        ByteBuffer records = ByteBuffer.allocate(12 * n).order(ByteOrder.LITTLE_ENDIAN);
        List<org.klpconvert.elf.edit.Relocation> entries = new java.util.ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            records.putInt(12 * i + 8, 3);
            entries.add(new org.klpconvert.elf.edit.Relocation(12L * i, cStart.type(), cStart.symbol(), cStart.addend()));
        }
        array.setContent(new org.klpconvert.elf.edit.RawContent(records.array()));
        relocs.setContent(new org.klpconvert.elf.edit.RelocationTable(true, entries));
        byte[] module = editor.write(LayoutPolicy.PRESERVE);
        assertArrayEquals(Files.readAllBytes(CASE.expected()), converter().convert(module, "m.ko").output());
    }

    @Test
    void aModuleIsConvertedOnce() throws Exception {
        LivepatchModule module = LivepatchModule.open(ElfFile.parse(input(), "m.ko"));
        Converter converter = converter();
        converter.convert(module);
        assertThrows(IllegalStateException.class, () -> converter.convert(module));
    }

    @Test
    void aMapLoadedForOtherNamesIsRefusedUpFront() throws Exception {
        LivepatchModule module = LivepatchModule.open(ElfFile.parse(input(), "m.ko"));
        Converter lean = new Converter(SymbolMap.load(CASE.symbols(), java.util.Set.of("wsm")));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> lean.convert(module));
        assertTrue(e.getMessage().contains("needs '"), e.getMessage());
    }
}
