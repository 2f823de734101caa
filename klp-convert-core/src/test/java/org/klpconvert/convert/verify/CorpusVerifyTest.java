package org.klpconvert.convert.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.klpconvert.elf.ElfFile;
import org.klpconvert.symbols.SymbolMap;
import org.klpconvert.testdata.ConversionCase;
import org.klpconvert.testdata.TestData;

/** verify over the C tool's corpus: its outputs pass, its unconverted inputs fail KS9. */
class CorpusVerifyTest {
    private static final Map<Path, SymbolMap> MAPS = new HashMap<>();

    static synchronized SymbolMap map(Path symbols) {
        return MAPS.computeIfAbsent(symbols, p -> {
            try {
                return SymbolMap.load(p);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    static Verifier verifier(ConversionCase c) {
        return Verifier.builder().symbols(map(c.symbols())).build();
    }

    @TestFactory
    Stream<DynamicTest> everyCOutputVerifiesWithoutErrors() {
        return TestData.conversionCases().stream().map(c -> DynamicTest.dynamicTest(c.toString(), () -> {
            List<Finding> findings = verifier(c).verify(ElfFile.read(c.expected()));
            List<String> errors = findings.stream().filter(f -> f.severity() == Severity.ERROR)
                    .map(f -> f.render(c.toString())).toList();
            assertEquals(List.of(), errors, c.toString());
            findings.stream().filter(f -> f.severity() != Severity.INFO)
                    .forEach(f -> System.out.println(f.render(c.toString())));
        }));
    }

    @TestFactory
    Stream<DynamicTest> everyUnconvertedInputFailsKs9OnTheSymbolsItStillNeeds() {
        return TestData.conversionCases().stream().map(c -> DynamicTest.dynamicTest(c.toString(), () -> {
            ElfFile input = ElfFile.read(c.input());
            ElfFile output = ElfFile.read(c.expected());
            // what the C tool converted: the names of the klp symbols of its output
            Set<String> converted = output.symbols().stream()
                    .filter(s -> s.shndx() == org.klpconvert.elf.Elf.SHN_LIVEPATCH)
                    .map(s -> s.name().substring(s.name().indexOf('.', ".klp.sym.".length()) + 1,
                            s.name().lastIndexOf(',')))
                    .collect(Collectors.toCollection(TreeSet::new));
            List<Finding> findings = verifier(c).verify(input);
            Set<String> ks9 = findings.stream().filter(f -> f.rule().equals("KS9"))
                    .map(f -> f.place().substring(f.place().indexOf('\'') + 1, f.place().length() - 1))
                    .collect(Collectors.toCollection(TreeSet::new));
            assertFalse(ks9.isEmpty(), c.toString());
            assertEquals(converted, ks9, c + ": KS9 names exactly the symbols the C tool converted");
            assertTrue(findings.stream().filter(f -> f.severity() == Severity.ERROR)
                    .allMatch(f -> f.rule().equals("KS9")), c + ": " + findings);
        }));
    }
}
