package org.klpconvert.convert.explain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.klpconvert.convert.support.Asm.quads;
import static org.klpconvert.convert.support.Asm.sympos;
import static org.klpconvert.convert.support.Asm.x86Loads;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.klpconvert.convert.ConversionException;
import org.klpconvert.convert.ConversionResult;
import org.klpconvert.convert.ConvertedSymbol;
import org.klpconvert.convert.Converter;
import org.klpconvert.convert.support.SymbolsFile;
import org.klpconvert.convert.support.Toolchain;
import org.klpconvert.elf.ElfFile;
import org.klpconvert.elf.ElfSymbol;
import org.klpconvert.symbols.SymbolMap;
import org.klpconvert.testdata.ConversionCase;
import org.klpconvert.testdata.ErrorCase;
import org.klpconvert.testdata.FixtureCase;
import org.klpconvert.testdata.TestData;

/**
 * explain against independent verdicts: the C tool's outputs and messages in the corpus, the
 * converter on the fixtures of all five architectures, and small modules built by the real
 * assemblers for the outcomes neither has (refused, missing with close names, an ignored
 * annotation).
 */
class ExplainerTest {

    static List<ConversionCase> corpus() {
        return TestData.conversionCases();
    }

    /** The C output's klp symbols are exactly the explained conversions, and its exports stay undefined. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void corpusModulesAreExplainedAsTheCToolConvertedThem(ConversionCase c) throws Exception {
        Explanation e = new Explainer(SymbolMap.load(c.symbols())).explain(ElfFile.read(c.input()));
        assertTrue(e.conversionSucceeds(), e.toString());
        Set<String> predicted = new TreeSet<>();
        Set<String> exported = new TreeSet<>();
        for (SymbolExplanation s : e.symbols()) {
            switch (s.kind()) {
                case UNIQUE, ANNOTATED -> predicted.add(s.klpName().orElseThrow());
                case EXPORTED -> exported.add(s.name());
                default -> throw new AssertionError(s.name() + " is " + s.kind() + " in a module C converts");
            }
            assertEquals(s.kind() == Kind.ANNOTATED, s.annotation().isPresent() && s.kind() != Kind.EXPORTED,
                    s.name());
        }
        Set<String> actual = new TreeSet<>();
        Set<String> undefined = new TreeSet<>();
        for (ElfSymbol sym : ElfFile.read(c.expected()).symbols()) {
            if (sym.name().startsWith(".klp.sym.")) {
                actual.add(sym.name());
            } else if (sym.shndx() == 0) {
                undefined.add(sym.name());
            }
        }
        assertEquals(actual, predicted, c.toString());
        assertTrue(undefined.containsAll(exported), "exported names must stay undefined: " + exported);
        assertFalse(predicted.isEmpty(), c + " converts nothing; the case proves nothing");
    }

    static Stream<ErrorCase> conversionErrors() {
        return TestData.errorCases().stream().filter(c -> c.expectedLines().stream().anyMatch(
                l -> l.contains("missing symbol") || l.contains("KLP_SYMPOS") || l.contains("user-provided sympos")));
    }

    /** Each C message of a failing conversion has its outcome: M30 ambiguous, M31/M32 mismatch, M04 alone missing. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("conversionErrors")
    void corpusErrorsAreExplainedByTheirCMessages(ErrorCase c) throws Exception {
        Explanation e = new Explainer(SymbolMap.load(c.symbols())).explain(ElfFile.read(c.input()));
        assertFalse(e.conversionSucceeds());
        Map<String, Kind> kinds = new HashMap<>();
        e.symbols().forEach(s -> kinds.put(s.name(), s.kind()));
        Map<String, Kind> expected = new HashMap<>();
        boolean annotationFailure = false;
        for (String line : Files.readAllLines(c.dir().resolve("expected.stderr"), java.nio.charset.StandardCharsets.ISO_8859_1)) {
            if (line.startsWith("klp-convert: Define KLP_SYMPOS for the symbol: ")) {
                expected.put(line.substring(line.lastIndexOf(' ') + 1), Kind.AMBIGUOUS);
            } else if (line.startsWith("klp-convert: Provided KLP_SYMPOS")) {
                String qualified = line.substring(line.lastIndexOf(' ') + 1);
                expected.put(qualified.substring(qualified.indexOf('.') + 1, qualified.lastIndexOf(',')),
                        Kind.BAD_ANNOTATION);
            } else if (line.startsWith("klp-convert: Unable to find missing symbol: ")) {
                expected.putIfAbsent(line.substring(line.lastIndexOf(' ') + 1), Kind.MISSING);
            } else if (line.equals("klp-convert: Unable to load user-provided sympos")) {
                annotationFailure = true;
            }
        }
        if (annotationFailure) {
            assertFalse(e.annotationProblems().isEmpty());
            assertEquals(c.expectedLines().stream().filter(l -> l.startsWith("klp-convert: ")).toList(),
                    e.annotationProblems().stream().map(d -> d.render().strip()).toList());
            return;
        }
        assertFalse(expected.isEmpty(), c.toString());
        expected.forEach((name, kind) -> assertEquals(kind, kinds.get(name), name));
    }

    static List<FixtureCase> fixtures() {
        return TestData.fixtureCases();
    }

    /** On every fixture of the five architectures, explain predicts the converter's result symbol by symbol. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void fixturesAreExplainedAsTheyConvert(FixtureCase f) throws Exception {
        SymbolMap map = SymbolMap.load(f.symbols());
        Explanation e = new Explainer(map).explain(ElfFile.read(f.input()));
        List<String> predicted = e.symbols().stream().filter(s -> s.kind() == Kind.UNIQUE || s.kind() == Kind.ANNOTATED)
                .map(s -> s.klpName().orElseThrow()).sorted().toList();
        try {
            ConversionResult result = new Converter(map).convert(Files.readAllBytes(f.input()), f.input().toString());
            assertTrue(e.conversionSucceeds(), e.toString());
            assertEquals(result.report().symbols().stream().map(ConvertedSymbol::klpName).sorted().toList(), predicted);
            for (ConvertedSymbol s : result.report().symbols()) {
                SymbolExplanation x = e.symbols().stream().filter(y -> y.name().equals(s.name())).findFirst().orElseThrow();
                assertEquals(s.annotated(), x.kind() == Kind.ANNOTATED, s.name());
                assertEquals(s.relocations(), x.uses().size(), s.name());
            }
        } catch (ConversionException ex) {
            assertFalse(e.conversionSucceeds(), ex.render());
        }
    }

    // ---------------------------------------------------------------- outcomes the corpus lacks

    private static final SymbolsFile SYMBOLS = new SymbolsFile()
            .object("vmlinux", "x", "dup", "dup", "helper.constprop.0", "helpers")
            .exported("printk").object("btrfs", "y");

    private static Explanation explain(Toolchain toolchain, String source) throws Exception {
        byte[] module = toolchain.assemble(source);
        Explanation e = new Explainer(SYMBOLS.map()).explain(ElfFile.parse(module, "test.tmp.ko"));
        assertEquals(conversionFails(module), !e.conversionSucceeds(), "explain and the converter disagree");
        return e;
    }

    private static boolean conversionFails(byte[] module) throws Exception {
        try {
            new Converter(SYMBOLS.map()).convert(module, "test.tmp.ko");
            return false;
        } catch (ConversionException e) {
            return true;
        }
    }

    private static SymbolExplanation symbol(Explanation e, String name) {
        return e.symbols().stream().filter(s -> s.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError(name + " not explained: " + e));
    }

    /** Every kind, on every architecture: data words in .data, .init.data and __jump_table. */
    @ParameterizedTest
    @EnumSource(Toolchain.class)
    void everyKindOnEveryArchitecture(Toolchain toolchain) throws Exception {
        String source = quads(".data", "x", "dup", "helper", "printk") + quads(".init.data", "y")
                + quads("__jump_table", "y");
        if (toolchain == Toolchain.PPC32) {
            source = source.replace(".quad", ".long"); // R_PPC_ADDR32: ppc32 has no 64-bit data relocation
        }
        Explanation e = explain(toolchain, source);
        assertEquals(Kind.UNIQUE, symbol(e, "x").kind());
        assertEquals(".klp.sym.vmlinux.x,0", symbol(e, "x").klpName().orElseThrow());
        assertEquals(Kind.AMBIGUOUS, symbol(e, "dup").kind());
        assertEquals(Kind.MISSING, symbol(e, "helper").kind());
        assertEquals(List.of("helper.constprop.0", "helpers"), symbol(e, "helper").closestNames());
        assertEquals(Kind.EXPORTED, symbol(e, "printk").kind());
        SymbolExplanation y = symbol(e, "y");
        assertEquals(Kind.REFUSED, y.kind());
        assertEquals(List.of(".rela.init.data", ".rela__jump_table"),
                y.uses().stream().filter(u -> u.refusal().isPresent()).map(Use::section).toList());
        assertTrue(y.uses().stream().allMatch(u -> u.refusal().orElseThrow().rule() == Refusal.Rule.SECTION));
    }

    @Test
    void annotationsUsedContradictedAndIgnored() throws Exception {
        Explanation e = explain(Toolchain.X86_64, x86Loads("f", "dup", "x", "printk")
                + sympos("vmlinux", "dup", 2L, "x", 3L) + sympos("btrfs", "printk", 1L));
        SymbolExplanation dup = symbol(e, "dup");
        assertEquals(Kind.ANNOTATED, dup.kind());
        assertEquals(".klp.sym.vmlinux.dup,2", dup.klpName().orElseThrow());
        assertEquals(Kind.BAD_ANNOTATION, symbol(e, "x").kind());
        assertEquals(Kind.EXPORTED, symbol(e, "printk").kind());
        assertEquals(1, symbol(e, "printk").annotation().orElseThrow().pos());
    }

    @Test
    void aRelocationTypeTheKernelCannotApplyIsRefusedWithItsRule() throws Exception {
        // x86_64 relocates only zeroed locations: an addend stored in place is refused.
        Explanation e = explain(Toolchain.X86_64, "\t.data\n\t.quad 0\n\t.section .text,\"ax\"\n"
                + "\t.byte 0x48, 0x8b, 0x05\n\t.reloc ., R_X86_64_PC32, x-4\n\t.long 5\n");
        SymbolExplanation x = symbol(e, "x");
        assertEquals(Kind.REFUSED, x.kind());
        assertEquals(Refusal.Rule.RELOCATION_TYPE, x.uses().get(0).refusal().orElseThrow().rule());
    }

    @Test
    void annotationFailuresStopTheExplanationWithTheCMessages() throws Exception {
        Explanation e = explain(Toolchain.X86_64, x86Loads("f", "dup") + sympos("vmlinux", "dup", 1L, "dup", 2L));
        assertEquals(List.of("klp-convert: Conflicting KLP_SYMPOS definition: vmlinux.dup 2 vs. 1.",
                "klp-convert: Unable to load user-provided sympos"),
                e.annotationProblems().stream().map(d -> d.render().strip()).collect(Collectors.toList()));
        assertTrue(e.symbols().isEmpty());
    }

    @Test
    void theModuleIsNotChanged() throws Exception {
        ConversionCase c = corpus().get(0);
        byte[] before = Files.readAllBytes(c.input());
        ElfFile file = ElfFile.parse(before.clone(), c.input().toString());
        new Explainer(SymbolMap.load(c.symbols())).explain(file);
        assertEquals(new ArrayList<>(List.of(before.length)), List.of(file.toByteArray().length));
        org.junit.jupiter.api.Assertions.assertArrayEquals(before, file.toByteArray());
        assertTrue(Files.exists(Path.of(c.input().toString())));
    }
}
