package org.klpconvert.convert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.klpconvert.convert.support.Asm.quads;
import static org.klpconvert.convert.support.Asm.x86Loads;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.klpconvert.convert.support.Asm;
import org.klpconvert.convert.support.Convert;
import org.klpconvert.convert.support.LibelfLayout;
import org.klpconvert.convert.support.ModuleEdit;
import org.klpconvert.convert.support.ObjectView;
import org.klpconvert.convert.support.SymbolsFile;
import org.klpconvert.convert.support.Toolchain;
import org.klpconvert.elf.Elf;
import org.klpconvert.elf.ElfFile;
import org.klpconvert.elf.ElfRelocation;
import org.klpconvert.elf.SectionHeader;
import org.klpconvert.testdata.ConversionCase;
import org.klpconvert.testdata.TestData;

/** The written layout (klp-convert.md 6) on small objects, plus D10 and D13. */
class LayoutTest {
    private static final SymbolsFile SYMBOLS = new SymbolsFile().object("vmlinux", "x", "y").exported("printk");

    private static byte[] convert(byte[] module) {
        byte[] out = Convert.ok(module, SYMBOLS).output();
        LibelfLayout.check(out);
        return out;
    }

    @Test
    void aNobitsSectionMovesThePositionByItsAlignmentOnly() {
        String source = x86Loads("f", "x") + "\t.section .bss.big,\"aw\",@nobits\n\t.balign 4096\n\t.zero 100\n"
                + "\t.section .rodata.after,\"a\"\n\t.byte 1\n";
        ObjectView out = ObjectView.of(convert(Toolchain.X86_64.assemble(source)));
        SectionHeader bss = out.section(".bss.big");
        assertEquals(0, bss.offset() % 4096);
        assertEquals(100, bss.size());
        assertEquals(bss.offset(), out.section(".rodata.after").offset(), "NOBITS takes no file bytes");
    }

    @Test
    void alignmentZeroIsWrittenAsOne() {
        byte[] input = ModuleEdit.edit(Toolchain.X86_64.assemble(x86Loads("f", "x") + "\t.data\n\t.byte 1, 2, 3\n"),
                editor -> {
                    ModuleEdit.section(editor, ".data").setAddralign(0);
                    ModuleEdit.section(editor, ".text").setAddralign(0);
                });
        assertEquals(0, ObjectView.of(input).section(".data").addralign());
        ObjectView out = ObjectView.of(convert(input));
        assertEquals(1, out.section(".data").addralign());
        assertEquals(1, out.section(".text").addralign());
    }

    @Test
    void elf32PutsTheSectionHeaderTableAtFourBytes() {
        // four variants whose last section ends at every remainder modulo 4
        List<Long> shoffs = new ArrayList<>();
        for (int extra = 0; extra < 4; extra++) {
            String source = "\t.text\n\tbl x\n\tlis 3, y@ha\n\taddi 3, 3, y@l\n\tblr\n"
                    + "\t.section .rodata." + "o".repeat(extra + 1) + ",\"a\"\n\t.byte 1, 2, 3\n";
            byte[] out = convert(Toolchain.PPC32.assemble(source));
            ObjectView view = ObjectView.of(out);
            assertEquals(Elf.ELFCLASS32, view.file().header().elfClass());
            SectionHeader klp = view.section(".klp.rela.vmlinux..text");
            assertEquals(12, klp.entsize());
            assertEquals(4, klp.addralign());
            assertEquals(List.of("R_PPC_REL24 .klp.sym.vmlinux.x,0", "R_PPC_ADDR16_HA .klp.sym.vmlinux.y,0",
                    "R_PPC_ADDR16_LO .klp.sym.vmlinux.y,0"), view.relocations(klp.name()).stream()
                    .map(r -> r.type() + " " + r.symbol()).toList());
            shoffs.add(view.file().header().shoff());
        }
        assertTrue(shoffs.stream().anyMatch(o -> o % 8 == 4), "some variant is 4- but not 8-aligned: " + shoffs);
    }

    @Test
    void entrySizesOfTableTypesAreNormalisedAndOthersKept() {
        String source = x86Loads("f", "x")
                + "\t.section .text.g,\"axG\",@progbits,g,comdat\n\t.globl g\ng:\n\tret\n"
                + "\t.section .rodata.cst8,\"aM\",@progbits,8\n\t.quad 1, 2\n"
                + "\t.section .rodata.odd,\"a\"\n\t.long 1, 2, 3\n";
        byte[] input = ModuleEdit.edit(Toolchain.X86_64.assemble(source), editor -> {
            ModuleEdit.section(editor, ".group").setEntsize(0);
            ModuleEdit.section(editor, ".rodata.odd").setEntsize(8); // D15: does not divide 12
        });
        assertEquals(0, ObjectView.of(input).section(".group").entsize());
        ObjectView out = ObjectView.of(convert(input));
        assertEquals(4, out.section(".group").entsize());
        assertEquals(8, out.section(".rodata.cst8").entsize());
        assertEquals(8, out.section(".rodata.odd").entsize());
    }

    @Test
    void anAlreadyConvertedModuleConvertsToItself() {
        // D10: C cannot even open its own output
        String source = x86Loads("f", "x", "printk") + quads(".data", "y", "x") + Asm.sympos("vmlinux", "y", 0);
        byte[] once = convert(Toolchain.X86_64.assemble(source));
        Convert.assertIdempotent(once, SYMBOLS);
    }

    @Test
    void sixtyFourBitAddendsAreKept() {
        // D13: C truncates every addend to 32 bits and sign-extends it
        String source = "\t.data\n\t.quad x + 0x123456789\n\t.quad printk - 0x200000000\n";
        ObjectView out = ObjectView.of(convert(Toolchain.X86_64.assemble(source)));
        assertEquals(List.of("@0x0 R_X86_64_64 .klp.sym.vmlinux.x,0 4886718345"),
                out.relocationLines(".klp.rela.vmlinux..data"));
        assertEquals(List.of("@0x8 R_X86_64_64 printk -8589934592"), out.relocationLines(".rela.data"));
    }

    @Test
    void everyCorpusAddendFitsInThirtyTwoBits() throws Exception {
        // why D13 changes no corpus byte
        int checked = 0;
        for (ConversionCase c : TestData.conversionCases()) {
            for (java.nio.file.Path p : List.of(c.input(), c.expected())) {
                ElfFile file = ElfFile.parse(Files.readAllBytes(p), p.toString());
                for (SectionHeader s : file.sections()) {
                    if (s.type() != Elf.SHT_RELA) {
                        continue;
                    }
                    for (ElfRelocation r : file.relocations(s)) {
                        assertEquals((int) r.addend(), r.addend(), c + " " + s.name() + " @0x" + Long.toHexString(r.offset()));
                        checked++;
                    }
                }
            }
        }
        assertTrue(checked > 1000, "relocations checked: " + checked);
    }
}
