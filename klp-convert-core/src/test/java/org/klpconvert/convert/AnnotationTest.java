package org.klpconvert.convert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.klpconvert.convert.support.Asm.sympos;
import static org.klpconvert.convert.support.Asm.x86Loads;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.klpconvert.convert.diag.Diagnostic;
import org.klpconvert.convert.support.Asm;
import org.klpconvert.convert.support.Convert;
import org.klpconvert.convert.support.ModuleEdit;
import org.klpconvert.convert.support.ObjectView;
import org.klpconvert.convert.support.SymbolsFile;
import org.klpconvert.convert.support.Toolchain;

/** KLP_MODULE_RELOC / KLP_SYMPOS annotations: loading, removal, checks (klp-convert.md 4; D7-D9, B11, B12). */
class AnnotationTest {
    private static final String M03 = "klp-convert: Unable to load user-provided sympos\n";
    private static final String COMPANION = ".rela.klp.module_relocs.vmlinux";
    private static final SymbolsFile TWO_X = new SymbolsFile().object("vmlinux", "x", "x", "y", "y");

    private static byte[] module(String source) {
        return Toolchain.X86_64.assemble(source);
    }

    private static String annotationSection(String body) {
        return "\t.section .klp.module_relocs.vmlinux,\"aw\"\n" + body + "\t.previous\n";
    }

    @Test
    void conflictingPositionsNameTheLaterRecordFirst() {
        // corpus conflicting_annotations: pos 2 at offset 0, pos 1 at offset 12
        String source = x86Loads("f", "x") + sympos("vmlinux", "x", 2, "x", 1);
        assertEquals("klp-convert: Conflicting KLP_SYMPOS definition: vmlinux.x 1 vs. 2.\n" + M03,
                Convert.failure(module(source), TWO_X));
    }

    @Test
    void everyConflictingPairIsReportedFromTheNewestRecord() {
        String source = x86Loads("f", "x") + sympos("vmlinux", "x", 1, "x", 2, "x", 1);
        assertEquals("klp-convert: Conflicting KLP_SYMPOS definition: vmlinux.x 1 vs. 2.\n"
                + "klp-convert: Conflicting KLP_SYMPOS definition: vmlinux.x 2 vs. 1.\n" + M03,
                Convert.failure(module(source), TWO_X));
    }

    @Test
    void identicalDuplicatesAndSameNamesInOtherObjectsAreNoConflict() {
        // B11: the last record loaded wins, even across objects
        SymbolsFile symbols = new SymbolsFile().object("vmlinux", "x", "x").object("btrfs", "x", "x");
        String source = x86Loads("f", "x") + sympos("vmlinux", "x", 1, "x", 1) + sympos("btrfs", "x", 2);
        ObjectView out = ObjectView.of(Convert.ok(module(source), symbols).output());
        assertEquals(List.of("@0x3 R_X86_64_PC32 .klp.sym.btrfs.x,2 -4"), out.relocationLines(".klp.rela.btrfs..text"));
    }

    @Test
    void anAnnotationWithoutARelocationIsRefused() {
        String source = x86Loads("f", "x") + sympos("vmlinux", "y", 1, "x", 1, "x", 2);
        assertEquals("klp-convert: Conflicting KLP_SYMPOS definition: vmlinux.x 2 vs. 1.\n"
                + "klp-convert: Couldn't find rela for annotated symbol: y\n" + M03,
                Convert.failure(module(source), TWO_X));
    }

    @Test
    void moreRelocationsThanRecordsIsRefused() {
        // 20 bytes: one record, two relocations
        String source = x86Loads("f", "x", "y") + annotationSection("\t.quad x\n\t.quad y\n\t.long 1\n");
        assertEquals("klp-convert: section " + COMPANION + " length beyond nr_entries\n\n" + M03,
                Convert.failure(module(source), TWO_X));
    }

    @Test
    void fewerRelocationsThanRecordsIsRefused() {
        String source = x86Loads("f", "x") + annotationSection("\t.quad x\n\t.long 1\n\t.quad 0\n\t.long 2\n");
        assertEquals("klp-convert: nr_entries mismatch (1 != 2) for " + COMPANION + "\n\n" + M03,
                Convert.failure(module(source), TWO_X));
    }

    @Test
    void recordsArePairedWithRelocationsByOffsetNotByListOrder() {
        // D8: C would give x position 1 and y position 2 here
        byte[] input = ModuleEdit.edit(module(x86Loads("f", "x", "y") + sympos("vmlinux", "x", 2, "y", 1)),
                editor -> ModuleEdit.reverseRelocations(ModuleEdit.section(editor, COMPANION)));
        assertEquals(List.of("@0xc", "@0x0"), ObjectView.of(input).relocationLines(COMPANION).stream()
                .map(l -> l.substring(0, l.indexOf(' '))).toList());
        ObjectView out = ObjectView.of(Convert.ok(input, TWO_X).output());
        assertEquals(List.of("@0x3 R_X86_64_PC32 .klp.sym.vmlinux.x,2 -4", "@0xa R_X86_64_PC32 .klp.sym.vmlinux.y,1 -4"),
                out.relocationLines(".klp.rela.vmlinux..text"));
    }

    @Test
    void aRelocationBetweenRecordsIsRefused() {
        String source = x86Loads("f", "x") + annotationSection("\t.long 0\n\t.quad x\n");
        // issue 9 finding 10: the problem is named, not "nr_entries mismatch (1 != 1)"
        assertEquals("klp-convert: " + COMPANION + ": relocation 0 at r_offset 0x4 is not at the start of a record"
                + " (offsets are multiples of 12)\n" + M03, Convert.failure(module(source), TWO_X));
    }

    @Test
    void twoRelocationsForOneRecordAreRefused() {
        String source = x86Loads("f", "x", "y")
                + annotationSection("\t.quad x\n\t.long 1\n\t.quad 0\n\t.long 1\n\t.reloc 0, R_X86_64_64, y\n");
        assertEquals("klp-convert: " + COMPANION + ": relocation 1 at r_offset 0x0 is a second relocation for record 0\n"
                + M03, Convert.failure(module(source), TWO_X));
    }

    @Test
    void aRelocationPastTheLastRecordIsRefused() {
        String source = x86Loads("f", "x") + annotationSection("\t.long 0, 0, 1, 0, 0\n\t.reloc 12, R_X86_64_64, x\n");
        // 20 bytes hold one whole record; the relocation patches the 8 bytes after it
        assertEquals("klp-convert: " + COMPANION + ": relocation 0 at r_offset 0xc lies past the last of the 1 records"
                + " (12 bytes)\n" + M03, Convert.failure(module(source), TWO_X));
    }

    @Test
    void anAnnotationSectionWithoutItsRelocationSectionIsRefused() {
        // D9: C dereferences NULL here
        String source = x86Loads("f", "x") + annotationSection("\t.long 0, 0, 1\n");
        assertFalse(ObjectView.of(module(source)).has(COMPANION));
        assertEquals("klp-convert: nr_entries mismatch (0 != 1) for " + COMPANION + "\n\n" + M03,
                Convert.failure(module(source), TWO_X));
    }

    @Test
    void anAnnotationSectionWithoutRecordsIsJustRemoved() {
        for (String body : List.of("", "\t.byte 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11\n")) {
            SymbolsFile symbols = new SymbolsFile().object("vmlinux", "x");
            ObjectView out = ObjectView.of(Convert.ok(module(x86Loads("f", "x") + annotationSection(body)), symbols)
                    .output());
            assertFalse(out.has(".klp.module_relocs.vmlinux"), out.sectionNames().toString());
            assertEquals(List.of("@0x3 R_X86_64_PC32 .klp.sym.vmlinux.x,0 -4"),
                    out.relocationLines(".klp.rela.vmlinux..text"));
        }
    }

    @Test
    void anAnnotationForAnExportedSymbolIsIgnoredWithAWarning() {
        // B12: C ignores it silently, even with an impossible position
        SymbolsFile symbols = new SymbolsFile().object("vmlinux", "x").exported("printk");
        String source = x86Loads("f", "x", "printk") + sympos("vmlinux", "printk", 5);
        ConversionResult result = Convert.ok(module(source), symbols);
        ObjectView out = ObjectView.of(result.output());
        assertEquals(List.of("@0xa R_X86_64_PC32 printk -4"), out.relocationLines(".rela.text"));
        assertEquals(List.of("@0x3 R_X86_64_PC32 .klp.sym.vmlinux.x,0 -4"), out.relocationLines(".klp.rela.vmlinux..text"));
        assertEquals(List.of("klp-convert: annotation for exported symbol ignored: vmlinux.printk,5\n"),
                result.report().warnings().stream().map(Diagnostic::render).toList());
        assertTrue(result.report().warnings().stream().noneMatch(Diagnostic::isError));
    }

    @Test
    void anObjectNameLongerThan55CharactersIsRefused() {
        // D7: C truncates it silently; the kernel parses at most 55 characters
        String longest = "m".repeat(55);
        SymbolsFile symbols = new SymbolsFile().object(longest, "x").object(longest + "n", "x");
        ObjectView out = ObjectView.of(Convert.ok(module(x86Loads("f", "x") + sympos(longest, "x", 0)), symbols)
                .output());
        assertTrue(out.has(".klp.rela." + longest + "..text"));
        String tooLong = longest + "n";
        assertEquals("klp-convert: annotation section .klp.module_relocs." + tooLong
                + ": object name longer than 55 characters\n" + M03,
                Convert.failure(module(x86Loads("f", "x") + sympos(tooLong, "x", 0)), symbols));
    }

    @Test
    void debugInformationAboutTheAnnotationArrayIsRemovedWithIt() {
        String c = "struct rec { union { void *sym; unsigned long long sym64; }; unsigned int sympos; }"
                + " __attribute__((packed));\n"
                + "extern int wsm;\n"
                + "int get(void) { return wsm; }\n"
                + "static struct rec __attribute__((section(\".klp.module_relocs.btrfs\"), aligned(4), used))"
                + " klp_relocs[] = { { .sym = &wsm, .sympos = 2 } };\n";
        byte[] input = Toolchain.X86_64.compile(c, "-g");
        Set<String> annotation = Set.of("klp_relocs", ".klp.module_relocs.btrfs");
        List<ObjectView.Rel> before = ObjectView.of(input).relocations(".rela.debug_info");
        List<ObjectView.Rel> kept = before.stream().filter(r -> !annotation.contains(r.symbol())).toList();
        assertTrue(kept.size() < before.size(), "the debug information refers to the annotation array");
        SymbolsFile symbols = new SymbolsFile().object("btrfs", "wsm", "wsm");
        ObjectView out = ObjectView.of(Convert.ok(input, symbols).output());
        assertEquals(kept, out.relocations(".rela.debug_info"));
        assertFalse(out.hasSymbol("klp_relocs"));
        assertTrue(out.sectionNames().stream().noneMatch(n -> n.contains("module_relocs")), out.sectionNames().toString());
        assertTrue(out.hasSymbol(".klp.sym.btrfs.wsm,2"));
    }

    @ParameterizedTest
    @EnumSource(value = Toolchain.class, names = {"ARM64", "PPC64LE", "S390"})
    void positionsAreReadInTheObjectsByteOrder64(Toolchain arch) {
        byte[] input = arch.assemble(Asm.quads(".data", "x") + sympos("vmlinux", "x", 2));
        ObjectView out = ObjectView.of(Convert.ok(input, TWO_X).output());
        assertEquals(".klp.sym.vmlinux.x,2", out.relocations(".klp.rela.vmlinux..data").get(0).symbol());
    }

    @Test
    void positionsAreReadInTheObjectsByteOrder32() {
        byte[] input = Toolchain.PPC32.assemble("\t.data\n\t.long x\n" + Asm.sympos32("vmlinux", "x", 2));
        ObjectView out = ObjectView.of(Convert.ok(input, TWO_X).output());
        assertEquals(".klp.sym.vmlinux.x,2", out.relocations(".klp.rela.vmlinux..data").get(0).symbol());
    }

    @Test
    void anAnnotationArrayWithoutFileBytesHoldsPositionZero() {
        // C reads the positions through a NULL data pointer; NOBITS memory is zero-filled
        String source = x86Loads("f", "x") + "\t.section .klp.module_relocs.vmlinux,\"aw\",@nobits\n\t.zero 12\n"
                + "\t.reloc 0, R_X86_64_64, x\n";
        SymbolsFile symbols = new SymbolsFile().object("vmlinux", "x");
        ObjectView out = ObjectView.of(Convert.ok(module(source), symbols).output());
        assertEquals(List.of("@0x3 R_X86_64_PC32 .klp.sym.vmlinux.x,0 -4"), out.relocationLines(".klp.rela.vmlinux..text"));
    }

    @Test
    void aSectionNamedJustThePrefixIsRemovedWithoutBeingRead() {
        // klp-convert.md 4.2, 4.3: no object name, so no records; removal is by prefix
        String source = x86Loads("f", "x") + "\t.section .klp.module_relocs.,\"aw\"\n\t.quad x\n\t.long 5\n";
        assertTrue(ObjectView.of(module(source)).has(".rela.klp.module_relocs."));
        SymbolsFile symbols = new SymbolsFile().object("vmlinux", "x");
        ObjectView out = ObjectView.of(Convert.ok(module(source), symbols).output());
        assertTrue(out.sectionNames().stream().noneMatch(n -> n.contains("module_relocs")), out.sectionNames().toString());
        assertEquals(List.of("@0x3 R_X86_64_PC32 .klp.sym.vmlinux.x,0 -4"), out.relocationLines(".klp.rela.vmlinux..text"));
    }
}
