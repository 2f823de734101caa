package org.klpconvert.convert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.klpconvert.convert.support.Asm.quads;
import static org.klpconvert.convert.support.Asm.sympos;
import static org.klpconvert.convert.support.Asm.x86Loads;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.klpconvert.convert.support.Convert;
import org.klpconvert.convert.support.ObjectView;
import org.klpconvert.convert.support.SymbolsFile;
import org.klpconvert.convert.support.Toolchain;
import org.klpconvert.elf.Elf;

/** Resolution of (object, sympos) and its messages (klp-convert.md 5.3, 2.4, 2.6; D2, D6). */
class ResolutionTest {
    private static final String DASHES = "-".repeat(49) + "\n";

    private static byte[] module(String source) {
        return Toolchain.X86_64.assemble(source);
    }

    private static String listing(String name, String... groups) {
        StringBuilder s = new StringBuilder("Valid KLP_SYMPOS for symbol " + name + ":\n" + DASHES);
        for (String g : groups) {
            String object = g.substring(0, g.indexOf(':'));
            s.append("KLP_MODULE_RELOC(").append(object).append("){\n");
            for (String pos : g.substring(g.indexOf(':') + 1).split(",")) {
                s.append("\tKLP_SYMPOS(").append(name).append(',').append(pos).append(")\n");
            }
            s.append("}\n");
        }
        return s.append(DASHES).toString();
    }

    private static String missing(String name) {
        return "klp-convert: Unable to find missing symbol: " + name + "\n";
    }

    @Test
    void aUniqueNameResolvesToItsObjectWithPositionZero() {
        SymbolsFile symbols = new SymbolsFile().object("vmlinux", "a").object("btrfs", "x", "a");
        ConversionResult result = Convert.ok(module(x86Loads("f", "x")), symbols);
        ObjectView out = ObjectView.of(result.output());
        assertEquals(Elf.SHN_LIVEPATCH, out.symbol(".klp.sym.btrfs.x,0").shndx());
        assertEquals(List.of("@0x3 R_X86_64_PC32 .klp.sym.btrfs.x,0 -4"), out.relocationLines(".klp.rela.btrfs..text"));
    }

    @Test
    void anAmbiguousNameListsObjectsInReverseFileOrderLikeC() {
        // corpus ambiguous_no_annotation: one match per object, so the listing equals C's
        SymbolsFile symbols = new SymbolsFile().object("vmlinux", "x").object("btrfs", "x").object("sunrpc", "x");
        String expected = "klp-convert: Define KLP_SYMPOS for the symbol: x\n"
                + listing("x", "sunrpc:0", "btrfs:0", "vmlinux:0") + missing("x");
        assertEquals(expected, Convert.failure(module(x86Loads("f", "x")), symbols));
    }

    @Test
    void anAmbiguousNameIsReportedForEveryRelocationWithCorrectPositions() {
        // D2: 1..n within an object; an object listed twice in the file forms one group, placed
        // where C's reverse walk first meets it
        SymbolsFile symbols = new SymbolsFile().object("vmlinux", "x", "y").object("btrfs", "x", "x")
                .object("sunrpc", "x").object("vmlinux", "x");
        String once = "klp-convert: Define KLP_SYMPOS for the symbol: x\n"
                + listing("x", "vmlinux:1,2", "sunrpc:0", "btrfs:1,2") + missing("x");
        assertEquals(once + once, Convert.failure(module(x86Loads("f", "x", "x")), symbols));
    }

    @Test
    void positionZeroOnADuplicateNameIsRefused() {
        SymbolsFile symbols = new SymbolsFile().object("vmlinux", "x", "x");
        String source = x86Loads("f", "x") + sympos("vmlinux", "x", 0);
        assertEquals("klp-convert: Provided KLP_SYMPOS of 0, but found 2 symbols matching: vmlinux.x,0\n"
                + listing("x", "vmlinux:1,2") + missing("x"), Convert.failure(module(source), symbols));
    }

    @Test
    void positionZeroForAnObjectWithoutTheNameCountsZeroAndListsTheOthers() {
        SymbolsFile symbols = new SymbolsFile().object("vmlinux", "x").object("btrfs", "y");
        String source = x86Loads("f", "x") + sympos("btrfs", "x", 0);
        assertEquals("klp-convert: Provided KLP_SYMPOS of 0, but found 0 symbols matching: btrfs.x,0\n"
                + listing("x", "vmlinux:0") + missing("x"), Convert.failure(module(source), symbols));
    }

    @Test
    void aPositionBeyondTheCountIsRefusedWithTheListing() {
        SymbolsFile symbols = new SymbolsFile().object("vmlinux", "x", "x").object("btrfs", "x");
        String source = x86Loads("f", "x") + sympos("vmlinux", "x", 3);
        assertEquals("klp-convert: Provided KLP_SYMPOS does not match a symbol: vmlinux.x,3\n"
                + listing("x", "btrfs:0", "vmlinux:1,2") + missing("x"), Convert.failure(module(source), symbols));
    }

    @Test
    void aPositionForAnUnknownNameIsRefusedWithoutAListing() {
        SymbolsFile symbols = new SymbolsFile().object("vmlinux", "y");
        String source = x86Loads("f", "x") + sympos("vmlinux", "x", 1);
        assertEquals("klp-convert: Provided KLP_SYMPOS does not match a symbol: vmlinux.x,1\n" + missing("x"),
                Convert.failure(module(source), symbols));
    }

    @Test
    void positionsFromOneThousandAreAcceptedAndWrittenInFull() {
        // D6: C refuses pos >= 1000 (M40); the kernel takes any unsigned long
        SymbolsFile symbols = new SymbolsFile().object("vmlinux").repeat("x", 1000);
        ConversionResult result = Convert.ok(module(x86Loads("f", "x") + sympos("vmlinux", "x", 1000)), symbols);
        ObjectView out = ObjectView.of(result.output());
        assertEquals(List.of("@0x3 R_X86_64_PC32 .klp.sym.vmlinux.x,1000 -4"),
                out.relocationLines(".klp.rela.vmlinux..text"));
        ConvertedSymbol converted = result.report().symbols().get(0);
        assertEquals(1000, converted.pos());
        assertEquals(true, converted.annotated());
    }

    @Test
    void positionsFromTwoToThe31AreUnsigned() {
        // D6: C reads the u32 into an int and prints it negative
        SymbolsFile symbols = new SymbolsFile().object("vmlinux", "x", "x");
        for (long pos : new long[] {1L << 31, 0xffffffffL}) {
            String source = x86Loads("f", "x") + sympos("vmlinux", "x", pos);
            assertEquals("klp-convert: Provided KLP_SYMPOS does not match a symbol: vmlinux.x," + pos + "\n"
                    + listing("x", "vmlinux:1,2") + missing("x"), Convert.failure(module(source), symbols));
        }
    }

    @Test
    void anAnnotationOverridesTheSymbolsFileSearch() {
        SymbolsFile symbols = new SymbolsFile().object("vmlinux", "x").object("btrfs", "x", "x");
        ConversionResult result = Convert.ok(module(x86Loads("f", "x") + sympos("btrfs", "x", 2)), symbols);
        assertEquals(List.of("@0x3 R_X86_64_PC32 .klp.sym.btrfs.x,2 -4"),
                ObjectView.of(result.output()).relocationLines(".klp.rela.btrfs..text"));
    }

    @Test
    void aMissingSymbolIsReportedOncePerRelocationOfTheFirstFailingSectionOnly() {
        SymbolsFile symbols = new SymbolsFile().object("vmlinux", "found");
        String source = x86Loads("f", "found", "gone", "gone", "lost") + quads(".data", "gone2");
        assertEquals(missing("gone") + missing("gone") + missing("lost"), Convert.failure(module(source), symbols));
    }

}
