package org.klpconvert.symbols;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.klpconvert.testdata.ErrorCase;
import org.klpconvert.testdata.TestData;

/** Queries of §3.1 / §5.3, the listing of §2.6 (D2), and the wanted-names mode. */
class SymbolMapIndexTest {

    static final String FILE = SymbolMapParseTest.HEADER
            + "*vmlinux\n__ksymtab_printk\nc_start\nc_start\nunique\nc_start\n"
            + "*btrfs\nwsm\nc_start\nwsm\n__ksymtab_btrfs_x\n"
            + "*sunrpc\nwsm\n*vmlinux\nlate\n";

    @Test
    void countsMatchesAndExports() throws SymbolMapFormatException {
        SymbolMap map = SymbolMapParseTest.parse(FILE);
        assertEquals(3, map.count("vmlinux", "c_start"));
        assertEquals(1, map.count("btrfs", "c_start"));
        assertEquals(0, map.count("sunrpc", "c_start"));
        assertEquals(0, map.count("nosuch", "c_start"));
        assertEquals(0, map.count("vmlinux", "nosuch"));
        assertEquals(List.of(new SymbolEntry("vmlinux", "c_start", 1), new SymbolEntry("vmlinux", "c_start", 2),
                new SymbolEntry("vmlinux", "c_start", 3), new SymbolEntry("btrfs", "c_start", 0)),
                map.matches("c_start"));
        assertTrue(map.exported("printk"));
        assertTrue(map.exported("btrfs_x"));
        assertFalse(map.exported("c_start"));
        assertEquals(List.of(), map.matches("printk"));
        assertEquals(List.of("vmlinux", "btrfs", "sunrpc"), map.objects());
        assertEquals(9, map.entryCount());
    }

    @Test
    void listingGroupsObjectsInReverseFileOrderWithCorrectPositions() throws SymbolMapFormatException {
        SymbolMap map = SymbolMapParseTest.parse(FILE);
        String dashes = "-".repeat(49);
        assertEquals(Optional.of("Valid KLP_SYMPOS for symbol wsm:\n" + dashes + "\n"
                + "KLP_MODULE_RELOC(sunrpc){\n\tKLP_SYMPOS(wsm,0)\n}\n"
                + "KLP_MODULE_RELOC(btrfs){\n\tKLP_SYMPOS(wsm,1)\n\tKLP_SYMPOS(wsm,2)\n}\n"
                + dashes + "\n"), map.candidateListing("wsm"));
        assertEquals(Optional.of("Valid KLP_SYMPOS for symbol c_start:\n" + dashes + "\n"
                + "KLP_MODULE_RELOC(btrfs){\n\tKLP_SYMPOS(c_start,0)\n}\n"
                + "KLP_MODULE_RELOC(vmlinux){\n\tKLP_SYMPOS(c_start,1)\n\tKLP_SYMPOS(c_start,2)\n"
                + "\tKLP_SYMPOS(c_start,3)\n}\n" + dashes + "\n"), map.candidateListing("c_start"));
        assertEquals(Optional.empty(), map.candidateListing("printk"));
    }

    @Test
    void groupOfARepeatedObjectTakesItsLastAppearance() throws SymbolMapFormatException {
        SymbolMap map = SymbolMapParseTest.parse(SymbolMapParseTest.HEADER
                + "*vmlinux\nx\n*btrfs\nx\n*vmlinux\nx\n");
        String text = map.candidateListing("x").orElseThrow();
        assertTrue(text.contains("KLP_MODULE_RELOC(vmlinux){\n\tKLP_SYMPOS(x,1)\n\tKLP_SYMPOS(x,2)\n}\n"
                + "KLP_MODULE_RELOC(btrfs){\n\tKLP_SYMPOS(x,0)\n}\n"), text);
    }

    static List<ErrorCase> listingCases() {
        return TestData.errorCases().stream()
                .filter(c -> c.expectedLines().stream().anyMatch(l -> l.startsWith("Valid KLP_SYMPOS")))
                .toList();
    }

    /** Every listing line the corpus requires appears, in the required order, in our text. */
    @ParameterizedTest
    @MethodSource("listingCases")
    void listingMatchesCorpus(ErrorCase errorCase) throws SymbolMapFormatException {
        String first = errorCase.expectedLines().stream().filter(l -> l.startsWith("Valid KLP_SYMPOS"))
                .findFirst().orElseThrow();
        String name = first.substring("Valid KLP_SYMPOS for symbol ".length(), first.length() - 1);
        SymbolMap map = SymbolMap.load(errorCase.symbols());
        List<String> ours = List.of(map.candidateListing(name).orElseThrow().split("\n"));
        List<String> required = errorCase.expectedLines().stream()
                .filter(l -> l.startsWith("Valid") || l.startsWith("---") || l.startsWith("KLP_MODULE_RELOC")
                        || l.startsWith("\tKLP_SYMPOS") || l.equals("}"))
                .toList();
        int at = 0;
        for (String line : required) {
            int found = ours.subList(at, ours.size()).indexOf(line);
            assertTrue(found >= 0, "missing or out of order: " + line + "\nours:\n" + String.join("\n", ours));
            at += found + 1;
        }
    }

    @Test
    void corpusCasesAreCovered() {
        Set<String> names = new HashSet<>();
        listingCases().forEach(c -> names.add(c.name()));
        assertTrue(names.containsAll(Set.of("ambiguous_no_annotation", "sympos0_on_duplicate")), names.toString());
    }

    @Test
    void ambiguousListingIsByteIdenticalToC() throws Exception {
        ErrorCase c = TestData.errorCases().stream().filter(e -> e.name().equals("ambiguous_no_annotation"))
                .findFirst().orElseThrow();
        String stderr = java.nio.file.Files.readString(c.dir().resolve("expected.stderr"),
                java.nio.charset.StandardCharsets.ISO_8859_1);
        String listing = SymbolMap.load(c.symbols()).candidateListing("saved_command_line").orElseThrow();
        assertTrue(stderr.contains(listing), listing);
    }

    /** A map restricted to some names answers exactly like the full map for those names. */
    @ParameterizedTest
    @MethodSource("org.klpconvert.testdata.TestData#conformanceArches")
    void wantedModeAgreesWithFullMap(String arch) throws Exception {
        Path file = TestData.symbolsFile(arch);
        SymbolMap full = SymbolMap.load(file);
        Set<String> wanted = new TreeSet<>(List.of("saved_command_line", "c_start", "wsm", "debug",
                "nr_processes", "fill_inode_item", "_printk", "printk", "klp_enable_patch", "__this_module",
                "init_module", "", "no_such_symbol_anywhere", "__func__.0"));
        List<String> lines = java.nio.file.Files.readAllLines(file, java.nio.charset.StandardCharsets.ISO_8859_1);
        for (int i = 1; i < lines.size(); i += 97) {
            String line = lines.get(i);
            wanted.add(line.startsWith("__ksymtab_") ? line.substring(10) : line);
        }
        List<String> objects = full.objects();
        SymbolMap part = SymbolMap.load(file, wanted);
        assertTrue(part.entryCount() < full.entryCount());
        for (String name : wanted) {
            assertEquals(full.exported(name), part.exported(name), name);
            assertEquals(full.matches(name), part.matches(name), name);
            assertEquals(full.candidateListing(name), part.candidateListing(name), name);
            for (String object : List.of("vmlinux", "btrfs", "sunrpc", objects.get(objects.size() - 1))) {
                assertEquals(full.count(object, name), part.count(object, name), object + "." + name);
            }
        }
        assertThrows(IllegalArgumentException.class, () -> part.matches("not_wanted_name"));
        assertFalse(part.covers("not_wanted_name"));
    }
}
