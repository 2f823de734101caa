package org.klpconvert.convert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.klpconvert.convert.support.Asm.quads;
import static org.klpconvert.convert.support.Asm.x86Loads;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.klpconvert.convert.support.Convert;
import org.klpconvert.convert.support.ModuleEdit;
import org.klpconvert.convert.support.ObjectView;
import org.klpconvert.convert.support.SymbolsFile;
import org.klpconvert.convert.support.Toolchain;
import org.klpconvert.elf.Elf;
import org.klpconvert.elf.SectionHeader;

/** Which relocations are converted, where they go, and what stays (klp-convert.md 5.2, 5.4, 5.5). */
class SectionRulesTest {
    private static final SymbolsFile SYMBOLS = new SymbolsFile().object("vmlinux", "x", ".TOC.", "fn")
            .exported("printk").object("btrfs", "y");

    private static byte[] module(String source) {
        return Toolchain.X86_64.assemble(source);
    }

    /** x86-64 code in a named section that loads each name. */
    private static String codeIn(String section, String... names) {
        return x86Loads("f", names).replace("\t.text\n", "\t.section " + section + ",\"ax\"\n");
    }

    private static String unsupported(String symbol, String section, String object) {
        return "klp-convert: Conversion not supported for symbol: " + symbol + " section: " + section + " object: "
                + object + "\n";
    }

    @Test
    void initCodeIsRefusedNamingSymbolSectionAndObject() {
        String source = codeIn(".init.text", "x", "gone", "y");
        assertEquals(unsupported("x", ".rela.init.text", "vmlinux")
                + "klp-convert: Unable to find missing symbol: gone\n"
                + unsupported("y", ".rela.init.text", "btrfs"), Convert.failure(module(source), SYMBOLS));
    }

    @ParameterizedTest
    @ValueSource(strings = {".exit.text", ".init.data", ".altinstructions", ".altinstr_replacement",
        ".parainstructions", "__bug_table", "__ex_table", ".smp_locks", ".static_call_sites",
        ".gnu.linkonce.this_module", ".debug_info", "__jump_table"})
    void specialSectionsAreRefusedForModuleObjects(String section) {
        assertEquals(unsupported("y", ".rela" + section, "btrfs"),
                Convert.failure(module(quads(section, "y")), SYMBOLS));
    }

    @ParameterizedTest
    @ValueSource(strings = {".text", ".text.unlikely", ".text.klpc_foo", ".data", ".data..ro_after_init",
        ".data..read_mostly", ".data.rel.ro", ".rodata", ".rodata.klpc_baz", ".sdata", ".toc"})
    void ordinarySectionsAreConvertedByNamePrefix(String section) {
        ObjectView out = ObjectView.of(Convert.ok(module(quads(section, "y")), SYMBOLS).output());
        assertEquals(List.of("@0x0 R_X86_64_64 .klp.sym.btrfs.y,0 0"), out.relocationLines(".klp.rela.btrfs." + section));
    }

    @Test
    void vmlinuxJumpLabelsAreConverted() {
        ObjectView out = ObjectView.of(Convert.ok(module(quads("__jump_table", "x")), SYMBOLS).output());
        assertEquals(List.of("@0x0 R_X86_64_64 .klp.sym.vmlinux.x,0 0"),
                out.relocationLines(".klp.rela.vmlinux.__jump_table"));
    }

    @Test
    void theTocBaseIsNeverConverted() {
        ObjectView out = ObjectView.of(Convert.ok(module(x86Loads("f", ".TOC.", "x")), SYMBOLS).output());
        assertEquals(List.of("@0x3 R_X86_64_PC32 .TOC. -4"), out.relocationLines(".rela.text"));
        assertEquals(Elf.SHN_UNDEF, out.symbol(".TOC.").shndx());
    }

    @Test
    void ppc64CodeKeepsItsTocBaseAndConvertsDataThroughTheToc() {
        String c = "extern int x;\nextern void fn(void);\nint get(void) { fn(); return x; }\n";
        ObjectView out = ObjectView.of(Convert.ok(Toolchain.PPC64LE.compile(c), SYMBOLS).output());
        assertEquals(List.of("@0x0 R_PPC64_ADDR64 .klp.sym.vmlinux.x,0 0"), out.relocationLines(".klp.rela.vmlinux..toc"));
        assertEquals(List.of(".TOC.", ".TOC.", ".toc", ".toc"), out.relocations(".rela.text").stream()
                .map(ObjectView.Rel::symbol).toList());
        assertEquals("R_PPC64_REL24", out.relocations(".klp.rela.vmlinux..text").get(0).type());
        assertEquals(2, out.file().header().flags(), "ELFv2 e_flags copied");
    }

    @Test
    void relocationsWithoutASymbolStayWhereTheyAre() {
        String source = "\t.text\n\t.reloc ., R_X86_64_NONE\n\tnop\n" + x86Loads("f", "x");
        ObjectView out = ObjectView.of(Convert.ok(module(source), SYMBOLS).output());
        assertEquals(List.of("@0x0 R_X86_64_NONE  0"), out.relocationLines(".rela.text"));
        assertEquals(1, out.relocations(".klp.rela.vmlinux..text").size());
    }

    @Test
    void exportedAndDefinedSymbolsStayNormalRelocations() {
        String source = x86Loads("f", "printk", "f", "x") + "\t.data\nlocal:\n\t.quad local\n";
        ObjectView out = ObjectView.of(Convert.ok(module(source), SYMBOLS).output());
        assertEquals(List.of("printk", "f"), out.relocations(".rela.text").stream().map(ObjectView.Rel::symbol).toList());
        assertEquals(List.of(".data"), out.relocations(".rela.data").stream().map(ObjectView.Rel::symbol).toList());
    }

    @Test
    void aSymbolUsedFromCodeAndDataIsResolvedOnceAndMovedToOneSectionPerBase() {
        String source = x86Loads("f", "x", "y", "x") + quads(".data", "y", "x");
        byte[] input = module(source);
        ConversionResult result = Convert.ok(input, SYMBOLS);
        ObjectView in = ObjectView.of(input);
        ObjectView out = ObjectView.of(result.output());

        // new sections after all others, in order of first use; the emptied .rela.data stays
        List<String> klp = List.of(".klp.rela.vmlinux..text", ".klp.rela.btrfs..text", ".klp.rela.btrfs..data",
                ".klp.rela.vmlinux..data");
        List<String> names = out.sectionNames();
        assertEquals(klp, names.subList(names.size() - 4, names.size()));
        assertEquals(in.sectionNames(), names.subList(0, names.size() - 4));
        assertEquals(0, out.section(".rela.text").size());
        assertEquals(0, out.section(".rela.data").size());

        assertEquals(List.of("@0x3 R_X86_64_PC32 .klp.sym.vmlinux.x,0 -4", "@0x11 R_X86_64_PC32 .klp.sym.vmlinux.x,0 -4"),
                out.relocationLines(klp.get(0)));
        assertEquals(List.of("@0x8 R_X86_64_64 .klp.sym.vmlinux.x,0 0"), out.relocationLines(klp.get(3)));
        for (String name : klp) {
            SectionHeader s = out.section(name);
            assertEquals(Elf.SHT_RELA, s.type(), name);
            assertEquals(0x00100002L, s.flags(), name);
            assertEquals(out.section(".symtab").index(), s.link(), name);
            assertEquals(out.section(name.endsWith("..text") ? ".text" : ".data").index(), s.info(), name);
            assertEquals(24, s.entsize(), name);
            assertEquals(8, s.addralign(), name);
        }

        // one renamed symbol per name, in place, and the report says what happened
        assertEquals(in.symbols().size(), out.symbols().size());
        assertTrue(out.hasSymbol(".klp.sym.vmlinux.x,0") && !out.hasSymbol("x"));
        ConversionReport report = result.report();
        assertEquals(klp, report.newSections());
        assertEquals(5, report.moved());
        assertEquals(List.of("x vmlinux 0 3", "y btrfs 0 2"), report.symbols().stream()
                .map(s -> s.name() + " " + s.object() + " " + s.pos() + " " + s.relocations()).toList());
    }

    @Test
    void absoluteAndCommonSymbolsAreNotConverted() {
        // D14: C "converts" them when the symbols file lists the name
        SymbolsFile symbols = new SymbolsFile().object("vmlinux", "a", "c", "x");
        String source = "\t.comm c, 8, 8\n" + x86Loads("f", "a", "c", "x");
        byte[] input = ModuleEdit.edit(Toolchain.X86_64.assemble(source), editor -> editor.sections().stream()
                .filter(s -> s.type() == Elf.SHT_SYMTAB).flatMap(s -> s.symbols().symbols().stream())
                .filter(sym -> sym.name().equals("a")).forEach(sym -> sym.setSpecialIndex(Elf.SHN_ABS)));
        ObjectView out = ObjectView.of(Convert.ok(input, symbols).output());
        assertEquals(List.of("a", "c"), out.relocations(".rela.text").stream().map(ObjectView.Rel::symbol).toList());
        assertEquals(List.of(".klp.sym.vmlinux.x,0"), out.relocations(".klp.rela.vmlinux..text").stream()
                .map(ObjectView.Rel::symbol).toList());
    }

    @Test
    void anUndefinedSymbolWithAnEmptyNameIsLookedUpLikeAnyOther() {
        // a blank line of a symbols file is a symbol with an empty name (klp-convert.md 3.1)
        byte[] input = ModuleEdit.edit(module(x86Loads("f", "x", "nameless")), editor -> {
            var symtab = ModuleEdit.section(editor, ".symtab");
            symtab.symbols().symbols().stream().filter(sym -> sym.name().equals("nameless")).toList()
                    .forEach(sym -> editor.rename(symtab, sym, ""));
        });
        assertEquals("klp-convert: Unable to find missing symbol: \n", Convert.failure(input, SYMBOLS));
        SymbolsFile blank = new SymbolsFile().object("vmlinux", "x", "");
        assertEquals(List.of(".klp.sym.vmlinux.x,0", ".klp.sym.vmlinux.,0"), ObjectView.of(Convert.ok(input, blank)
                .output()).relocations(".klp.rela.vmlinux..text").stream().map(ObjectView.Rel::symbol).toList());
    }
}
