package org.klpconvert.symbols.gen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.klpconvert.elf.Elf;
import org.klpconvert.elf.ElfFile;
import org.klpconvert.elf.ElfFormatException;
import org.klpconvert.testdata.TestData;
import org.klpconvert.testdata.Tools;

/** The nm selection and order against binutils nm on the corpus and on the installed Debian modules. */
class NmSymbolsTest {

    /** The Debian module tree of this machine, or skips (fails under CI=true). */
    static Path debianModules() throws IOException {
        Path root = Path.of("/lib/modules");
        if (Files.isDirectory(root)) {
            try (Stream<Path> versions = Files.list(root)) {
                List<Path> trees = versions.map(v -> v.resolve("kernel")).filter(Files::isDirectory).sorted().toList();
                if (!trees.isEmpty()) {
                    return trees.get(trees.size() - 1);
                }
            }
        }
        String reason = "no Debian module tree under /lib/modules/*/kernel";
        if (Tools.isCi()) {
            fail(reason + " (CI=true: required)");
        }
        System.err.println("SKIPPED: " + reason);
        assumeTrue(false, reason);
        return null;
    }

    static List<Path> parsableCorpusObjects() {
        return TestData.allCorpusObjects().stream().filter(p -> {
            try {
                ElfFile.read(p).symbols();
                return true;
            } catch (IOException e) {
                return false;
            }
        }).toList();
    }

    @Test
    void corpusObjectsMatchNm() throws IOException {
        List<Path> files = parsableCorpusObjects();
        assertTrue(files.size() >= 50, "corpus objects: " + files.size());
        compareWithNm(files);
    }

    @Test
    void debianModulesMatchNm() throws IOException {
        List<Path> modules = ModuleFiles.find(debianModules());
        assertFalse(modules.isEmpty());
        for (int i = 0; i < modules.size(); i += 400) {
            compareWithNm(modules.subList(i, Math.min(modules.size(), i + 400)));
        }
    }

    /**
     * Compares each object with the nm that knows its machine ({@link NmOracle#programFor}).
     * Objects without such an nm are skipped with the reason printed, after the others are
     * compared; under {@code CI=true} they fail the test instead.
     */
    private static void compareWithNm(List<Path> files) throws IOException {
        Map<String, List<Path>> byProgram = new LinkedHashMap<>();
        TreeSet<String> missing = new TreeSet<>();
        for (Path file : files) {
            ElfFile elf = ElfFile.parse(org.klpconvert.symbols.io.Compression.readAll(file), file.toString());
            NmOracle.programFor(elf).ifPresentOrElse(
                    program -> byProgram.computeIfAbsent(program, p -> new ArrayList<>()).add(file),
                    () -> missing.add(NmOracle.missingFor(elf)));
        }
        for (Map.Entry<String, List<Path>> group : byProgram.entrySet()) {
            compareWithNm(group.getKey(), group.getValue());
        }
        if (!missing.isEmpty()) {
            String reason = String.join("; ", missing);
            if (Tools.isCi()) {
                fail(reason + " (CI=true: required)");
            }
            System.err.println("SKIPPED: " + reason);
            assumeTrue(false, reason);
        }
    }

    /**
     * Symbol-table order must equal nm's lines exactly; address order must equal nm's lines
     * re-sorted by (name, value), nm order kept for equal values (§3.4).
     */
    private static void compareWithNm(String program, List<Path> files) throws IOException {
        Map<Path, List<NmOracle.NmLine>> nm = NmOracle.run(program, files);
        for (Path file : files) {
            List<NmOracle.NmLine> lines = nm.getOrDefault(file, List.of());
            ElfFile elf = ElfFile.parse(org.klpconvert.symbols.io.Compression.readAll(file), file.toString());
            assertEquals(lines.stream().map(NmOracle.NmLine::name).toList(),
                    NmSymbols.sortedNames(elf, DuplicateOrder.SYMTAB), file.toString());
            List<NmOracle.NmLine> byAddress = new ArrayList<>(lines);
            byAddress.sort(Comparator.comparing(NmOracle.NmLine::name)
                    .thenComparing(NmOracle.NmLine::value, Long::compareUnsigned));
            assertEquals(byAddress.stream().map(NmOracle.NmLine::name).toList(),
                    NmSymbols.sortedNames(elf, DuplicateOrder.ADDRESS), file.toString());
        }
    }

    @Test
    void mappingSymbolsAreHiddenOnArmOnly() {
        for (String name : List.of("$x", "$d", "$x.12", "$d.foo")) {
            assertTrue(NmSymbols.isMappingSymbol(Elf.EM_AARCH64, name), name);
            assertFalse(NmSymbols.isMappingSymbol(Elf.EM_X86_64, name), name);
        }
        for (String name : List.of("$a", "$t", "$x1", "$", "x", "$xy", "$dd.1")) {
            assertFalse(NmSymbols.isMappingSymbol(Elf.EM_AARCH64, name), name);
        }
        assertTrue(NmSymbols.isMappingSymbol(40, "$t.1"));
    }

    @Test
    void arm64CorpusHasMappingSymbolsThatNmHides() throws ElfFormatException, IOException {
        Path module = TestData.conversionCases().stream().filter(c -> c.arch().equals("arm64")).findFirst()
                .orElseThrow().input();
        ElfFile elf = ElfFile.read(module);
        assertTrue(elf.symbols().stream().anyMatch(s -> s.name().startsWith("$x") || s.name().startsWith("$d")));
        assertTrue(NmSymbols.listed(elf).stream().noneMatch(s -> s.name().startsWith("$x") || s.name().startsWith("$d")));
    }
}
