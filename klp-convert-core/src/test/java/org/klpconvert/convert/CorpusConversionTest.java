package org.klpconvert.convert;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.klpconvert.symbols.SymbolMap;
import org.klpconvert.testdata.ConversionCase;
import org.klpconvert.testdata.TestData;

/**
 * The engine on every conversion of the corpus, in process: the output must equal the C
 * tool's bytes. (The CLI's conformance test runs the same cases through the launcher.)
 */
class CorpusConversionTest {
    private static final Map<String, Converter> CONVERTERS = new HashMap<>();

    private static synchronized Converter converter(ConversionCase c) {
        return CONVERTERS.computeIfAbsent(c.arch(), arch -> {
            try {
                return new Converter(SymbolMap.load(c.symbols()));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    @TestFactory
    Stream<DynamicTest> everyCorpusModuleConvertsToTheCToolsBytes() {
        return TestData.conversionCases().stream().map(c -> DynamicTest.dynamicTest(c.toString(), () -> {
            byte[] input = Files.readAllBytes(c.input());
            ConversionResult result = converter(c).convert(input, c.input().toString());
            assertArrayEquals(Files.readAllBytes(c.expected()), result.output(), c + " differs from the C output");
            assertArrayEquals(Files.readAllBytes(c.input()), input, "input unchanged");
        }));
    }

    @TestFactory
    Stream<DynamicTest> theFullIndexAndTheWantedNamesIndexAgree() {
        return TestData.conversionCases().stream().map(c -> DynamicTest.dynamicTest(c.toString(), () -> {
            byte[] input = Files.readAllBytes(c.input());
            LivepatchModule module = LivepatchModule.open(org.klpconvert.elf.ElfFile.parse(input, c.toString()));
            Converter lean = new Converter(SymbolMap.load(c.symbols(), module.undefinedNames()));
            assertArrayEquals(converter(c).convert(input, c.toString()).output(), lean.convert(module).output());
        }));
    }

    @TestFactory
    Stream<DynamicTest> convertingTheOutputAgainChangesNothing() {
        // D10: an already converted module opens, and a second run is a pure re-layout.
        return TestData.conversionCases().stream().map(c -> DynamicTest.dynamicTest(c.toString(), () -> {
            byte[] expected = Files.readAllBytes(c.expected());
            ConversionResult again = converter(c).convert(expected, c.expected().toString());
            assertArrayEquals(expected, again.output());
            assertEquals(0, again.report().moved());
        }));
    }
}
