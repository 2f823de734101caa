package org.klpconvert.convert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.klpconvert.symbols.SymbolMap;
import org.klpconvert.testdata.TestData;
import org.klpconvert.testdata.Tools;

/**
 * Independently of the C tool: GNU readelf's view of every converted corpus module must show
 * each converted relocation in a {@code .klp.rela.*} section flagged {@code o}, against a
 * {@code .klp.sym.*} symbol with index {@code OS [0xff20]}, and no undefined symbol that the
 * symbols file does not export.
 */
class ReadelfOracleTest {

    @TestFactory
    Stream<DynamicTest> readelfSeesLivepatchSectionsAndSymbols(@TempDir Path dir) {
        assumeTrue(Tools.available("readelf"), Tools.reason("readelf"));
        return TestData.conversionCases().stream().map(c -> DynamicTest.dynamicTest(c.toString(), () -> {
            SymbolMap symbols = SymbolMap.load(c.symbols());
            ConversionResult result = new Converter(symbols).convert(Files.readAllBytes(c.input()), c.toString());
            Path out = dir.resolve(c.arch() + "-" + c.module() + ".ko");
            Files.write(out, result.output());
            ReadelfView view = ReadelfView.of(out);
            int klpEntries = 0;
            for (Map.Entry<String, List<String>> section : view.relocationSymbols.entrySet()) {
                if (!section.getKey().startsWith(".klp.rela.")) {
                    continue;
                }
                String flags = view.sectionFlags.get(section.getKey());
                assertTrue(flags.contains("A") && flags.contains("o"), section.getKey() + " flags " + flags);
                for (String symbol : section.getValue()) {
                    assertTrue(symbol.startsWith(".klp.sym."), section.getKey() + " entry against " + symbol);
                    assertEquals("OS [0xff20]", view.symbolIndex.get(symbol), symbol);
                    klpEntries++;
                }
            }
            assertEquals(result.report().moved(), klpEntries, "entries in .klp.rela sections");
            assertTrue(klpEntries > 0, "something was converted");
            for (Map.Entry<String, String> sym : view.symbolIndex.entrySet()) {
                if (sym.getValue().equals("UND") && !sym.getKey().isEmpty() && !sym.getKey().equals(".TOC.")) {
                    assertTrue(symbols.exported(sym.getKey()), "undefined and not exported: " + sym.getKey());
                }
            }
        }));
    }

    /** The parts of {@code readelf -W -S -s -r} the checks need. */
    static final class ReadelfView {
        final Map<String, String> sectionFlags = new HashMap<>();
        final Map<String, String> symbolIndex = new HashMap<>();
        final Map<String, List<String>> relocationSymbols = new HashMap<>();

        static ReadelfView of(Path object) {
            ReadelfView view = new ReadelfView();
            String text = Tools.run(List.of("readelf", "-W", "-S", "-s", "-r", object.toString()));
            String currentRelocations = null;
            for (String line : text.lines().toList()) {
                String t = line.strip();
                if (t.startsWith("[") && !t.startsWith("[Nr]")) {
                    view.section(t);
                } else if (t.startsWith("Relocation section '")) {
                    currentRelocations = t.substring(20, t.indexOf('\'', 20));
                    view.relocationSymbols.put(currentRelocations, new java.util.ArrayList<>());
                } else if (currentRelocations != null && t.matches("[0-9a-f]{8,16}\\s+[0-9a-f]{8,16}\\s+R_\\S+.*")) {
                    String[] f = t.split("\\s+");
                    view.relocationSymbols.get(currentRelocations).add(f.length > 4 ? f[4] : "");
                } else if (t.matches("\\d+: [0-9a-f]+ .*")) {
                    view.symbol(t);
                }
            }
            return view;
        }

        private void section(String t) {
            String[] f = t.substring(t.indexOf(']') + 1).strip().split("\\s+");
            // Name Type Address Off Size ES [Flg] Lk Inf Al: 9 fields with flags, 8 without.
            sectionFlags.put(f[0], f.length >= 10 ? f[6] : "");
        }

        private void symbol(String t) {
            String[] f = t.split("\\s+");
            // Num: Value Size Type Bind Vis Ndx Name; the Ndx "OS [0xff20]" is two words.
            if (f.length >= 9 && f[6].equals("OS")) {
                symbolIndex.put(f[8], f[6] + " " + f[7]);
            } else {
                symbolIndex.put(f.length >= 8 ? f[7] : "", f[6]);
            }
        }
    }
}
