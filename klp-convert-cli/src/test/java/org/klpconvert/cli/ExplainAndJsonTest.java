package org.klpconvert.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.klpconvert.elf.ElfFile;
import org.klpconvert.elf.ElfSymbol;
import org.klpconvert.elf.SectionHeader;
import org.klpconvert.testdata.ConversionCase;
import org.klpconvert.testdata.ErrorCase;
import org.klpconvert.testdata.FixtureCase;
import org.klpconvert.testdata.TestData;
import picocli.CommandLine;

/**
 * explain, convert --dry-run, symbols query, header and every --json output, read back with
 * Parsson (an independent JSON parser) and checked against the C tool's outputs in the corpus.
 */
class ExplainAndJsonTest {

    /** stdout, stderr and exit status of one klp-tool run. */
    record Run(int status, String out, String err) {
        JsonObject json() {
            return Json.createReader(new StringReader(out)).readObject();
        }
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = KlpTool.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int status = cl.execute(args);
        return new Run(status, out.toString(), err.toString());
    }

    private static void assertSchema(JsonObject doc, String schema) {
        assertEquals("klp-tool/" + schema, doc.getString("schema"));
        assertEquals(1, doc.getInt("version"));
    }

    static List<ConversionCase> corpus() {
        return TestData.conversionCases();
    }

    /** explain --json predicts exactly the klp symbols of the C tool's output, on all five architectures. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void explainJsonNamesTheCToolsKlpSymbols(ConversionCase c) throws Exception {
        Run r = run("explain", "--json", "-s", c.symbols().toString(), c.input().toString());
        assertEquals(0, r.status(), r.err());
        JsonObject doc = r.json();
        assertSchema(doc, "explain");
        JsonObject module = doc.getJsonArray("modules").getJsonObject(0);
        assertTrue(module.getBoolean("conversion_succeeds"));
        Set<String> predicted = new TreeSet<>();
        for (JsonValue v : module.getJsonArray("symbols")) {
            JsonObject s = v.asJsonObject();
            if (s.containsKey("klp_name")) {
                predicted.add(s.getString("klp_name"));
                assertEquals(".klp.sym." + s.getString("object") + "." + s.getString("name") + "," + s.getInt("pos"),
                        s.getString("klp_name"));
            }
        }
        Set<String> actual = new TreeSet<>();
        for (ElfSymbol sym : ElfFile.read(c.expected()).symbols()) {
            if (sym.name().startsWith(".klp.sym.")) {
                actual.add(sym.name());
            }
        }
        assertEquals(actual, predicted);
        // Stable: the same input gives the same bytes.
        assertEquals(r.out(), run("explain", "--json", "-s", c.symbols().toString(), c.input().toString()).out());
    }

    /** convert --json reports what the C tool wrote; its output files equal the C tool's. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void convertJsonMatchesTheCOutput(ConversionCase c, @TempDir Path dir) throws Exception {
        Run r = run("convert", "--json", "-s", c.symbols().toString(), "-o", dir.toString(), c.input().toString());
        assertEquals(0, r.status(), r.err());
        JsonObject doc = r.json();
        assertSchema(doc, "convert");
        JsonObject module = doc.getJsonArray("modules").getJsonObject(0);
        Path out = Path.of(module.getString("output"));
        assertArrayEquals(Files.readAllBytes(c.expected()), Files.readAllBytes(out));
        List<String> klpNames = module.getJsonArray("symbols").stream()
                .map(v -> v.asJsonObject().getString("klp_name")).toList();
        ElfFile expected = ElfFile.read(c.expected());
        assertEquals(expected.symbols().stream().map(ElfSymbol::name).filter(n -> n.startsWith(".klp.sym.")).toList(),
                klpNames);
        List<String> newSections = module.getJsonArray("new_sections").stream()
                .map(v -> ((jakarta.json.JsonString) v).getString()).toList();
        assertEquals(expected.sections().stream().map(SectionHeader::name).filter(n -> n.startsWith(".klp.rela."))
                .toList(), newSections);
        int moved = 0;
        for (SectionHeader s : expected.sections()) {
            if (s.name().startsWith(".klp.rela.")) {
                moved += expected.relocations(s).size();
            }
        }
        assertEquals(moved, module.getInt("relocations_moved"));
    }

    static Stream<ErrorCase> failingConversions() {
        return TestData.errorCases().stream().filter(c -> c.expectedLines().stream()
                .anyMatch(l -> l.contains("missing symbol") || l.contains("user-provided sympos")));
    }

    /** A failing module: explain exits 1, and convert --dry-run prints the same and writes nothing. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("failingConversions")
    void dryRunReportsWhatExplainReportsAndWritesNothing(ErrorCase c, @TempDir Path dir) throws Exception {
        Run explain = run("explain", "-s", c.symbols().toString(), c.input().toString());
        assertEquals(1, explain.status(), explain.err());
        assertTrue(explain.out().endsWith("the conversion would fail\n"), explain.out());
        Run dry = run("convert", "--dry-run", "-s", c.symbols().toString(), "-o", dir.toString(), c.input().toString());
        assertEquals(explain, dry);
        Run dryJson = run("convert", "--dry-run", "--json", "-s", c.symbols().toString(), c.input().toString());
        assertEquals(run("explain", "--json", "-s", c.symbols().toString(), c.input().toString()), dryJson);
        assertFalse(dryJson.json().getJsonArray("modules").getJsonObject(0).getBoolean("conversion_succeeds"));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(0, files.count());
        }
    }

    /** The three-path form: -v adds one line pointing to explain after the C messages; without -v, nothing. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("failingConversions")
    void verboseThreePathFailurePointsToExplain(ErrorCase c, @TempDir Path dir) {
        String out = dir.resolve("out.ko").toString();
        String plain = threePath(c.symbols().toString(), c.input().toString(), out);
        String verbose = threePath("-v", c.symbols().toString(), c.input().toString(), out);
        String pointer = "klp-convert: for what happens to each symbol and why, run: klp-tool explain -s "
                + c.symbols() + " " + c.input() + "\n";
        assertFalse(plain.contains("klp-tool explain"), plain);
        assertEquals(plain + pointer, verbose);
    }

    private static String threePath(String... args) {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        assertEquals(255, KlpConvert.run(args, new java.io.PrintStream(bytes, true, StandardCharsets.ISO_8859_1)));
        return bytes.toString(StandardCharsets.ISO_8859_1);
    }

    @Test
    void explainJsonCarriesCandidatesAndAnnotations() {
        ErrorCase c = TestData.errorCases().stream().filter(e -> e.name().equals("sympos0_on_duplicate"))
                .findFirst().orElseThrow();
        JsonObject doc = run("explain", "--json", "-s", c.symbols().toString(), c.input().toString()).json();
        JsonObject scl = doc.getJsonArray("modules").getJsonObject(0).getJsonArray("symbols").stream()
                .map(JsonValue::asJsonObject).filter(s -> s.getString("name").equals("saved_command_line"))
                .findFirst().orElseThrow();
        assertEquals("annotation-mismatch", scl.getString("kind"));
        assertTrue(scl.getBoolean("fatal"));
        assertEquals(0, scl.getJsonObject("annotation").getInt("pos"));
        assertEquals(2, scl.getInt("count_in_object"));
        // The C listing (corpus expected lines) offers the same positions.
        List<String> offered = new ArrayList<>();
        scl.getJsonArray("candidates").forEach(v -> offered.add("\tKLP_SYMPOS(saved_command_line,"
                + v.asJsonObject().getInt("pos") + ")"));
        assertTrue(c.expectedLines().containsAll(offered), offered.toString());
    }

    static List<FixtureCase> fixtures() {
        return TestData.fixtureCases();
    }

    /** On every fixture (five architectures) explain's verdict is the conversion's. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void fixturesExplainAsTheyConvert(FixtureCase f, @TempDir Path dir) {
        Run explain = run("explain", "--json", "-s", f.symbols().toString(), f.input().toString());
        Run convert = run("convert", "--json", "-s", f.symbols().toString(), "-o", dir.toString(), f.input().toString());
        JsonObject predicted = explain.json().getJsonArray("modules").getJsonObject(0);
        assertEquals(convert.status() == 0, predicted.getBoolean("conversion_succeeds"), convert.err());
        if (convert.status() == 0) {
            List<String> converted = convert.json().getJsonArray("modules").getJsonObject(0).getJsonArray("symbols")
                    .stream().map(v -> v.asJsonObject().getString("klp_name")).sorted().toList();
            List<String> explained = predicted.getJsonArray("symbols").stream().map(JsonValue::asJsonObject)
                    .filter(s -> s.containsKey("klp_name")).map(s -> s.getString("klp_name")).sorted().toList();
            assertEquals(converted, explained);
        }
    }

    @Test
    void symbolsQueryListsEveryCopyWithPasteReadyLines() {
        Path symbols = TestData.symbolsFile("x86_64");
        Run r = run("symbols", "query", "-s", symbols.toString(), "c_start", "klp_enable_patch", "no_such_name");
        assertEquals(1, r.status(), r.err()); // one name is missing
        assertTrue(r.out().contains("does not say how copies of a name are ordered"), r.out());
        assertTrue(r.out().contains("c_start: 3 occurrences, not exported\n"), r.out());
        for (int k = 1; k <= 3; k++) {
            assertTrue(r.out().contains("    vmlinux, position " + k + "\n        KLP_MODULE_RELOC(vmlinux)\n"
                    + "        KLP_SYMPOS(c_start, " + k + ")\n"), r.out());
        }
        JsonObject doc = run("symbols", "query", "--json", "-s", symbols.toString(), "c_start", "klp_enable_patch")
                .json();
        assertSchema(doc, "symbols-query");
        assertEquals("unstated", doc.getString("order"));
        assertFalse(doc.getBoolean("kernel_order"));
        JsonObject cStart = doc.getJsonArray("names").getJsonObject(0);
        assertEquals(3, cStart.getJsonArray("occurrences").size());
        assertEquals("KLP_SYMPOS(c_start, 2)",
                cStart.getJsonArray("occurrences").getJsonObject(1).getString("klp_sympos"));
        assertTrue(doc.getJsonArray("names").getJsonObject(1).getBoolean("exported"));
    }

    @Test
    void symbolsQueryOnAKallsymsDumpShowsAddressesInTheKernelsOrder(@TempDir Path dir) throws Exception {
        Path dump = Files.writeString(dir.resolve("kallsyms"), "ffffffff81000000 T _text\n"
                + "ffffffff82000010 d mm_slots_hash\n" + "ffffffff81000100 T klp_enable_patch\n"
                + "ffffffff83000020 b mm_slots_hash\n" + "ffffffff84000000 r __ksymtab_klp_enable_patch\n"
                + "ffffffffc0001000 t enabled\t[binfmt_misc]\n", StandardCharsets.ISO_8859_1);
        JsonObject doc = run("symbols", "query", "--json", "-s", dump.toString(), "mm_slots_hash", "enabled").json();
        assertEquals("kallsyms", doc.getString("order"));
        assertTrue(doc.getBoolean("kernel_order"));
        var copies = doc.getJsonArray("names").getJsonObject(0).getJsonArray("occurrences");
        assertEquals("ffffffff82000010", copies.getJsonObject(0).getString("address"));
        assertEquals(1, copies.getJsonObject(0).getInt("pos"));
        assertEquals("ffffffff83000020", copies.getJsonObject(1).getString("address"));
        assertEquals(2, copies.getJsonObject(1).getInt("pos"));
        JsonObject enabled = doc.getJsonArray("names").getJsonObject(1).getJsonArray("occurrences").getJsonObject(0);
        assertEquals("binfmt_misc", enabled.getString("object"));
        assertEquals("KLP_MODULE_RELOC(binfmt_misc)", enabled.getString("klp_module_reloc"));
        // A file generated from that dump states its order, and query reads it back.
        Path klp = dir.resolve("symbols.klp");
        assertEquals(0, run("symbols", "--kallsyms", dump.toString(), "-o", klp.toString()).status());
        assertEquals("kallsyms", run("symbols", "query", "--json", "-s", klp.toString(), "enabled").json()
                .getString("order"));
    }

    @Test
    void symbolsQueryRefusesWhatIsNotARegularFile(@TempDir Path dir) throws Exception {
        Path fifo = dir.resolve("fifo");
        new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor();
        Map<Path, String> kinds = Map.of(dir, "a directory", fifo, "a FIFO", Path.of("/dev/zero"), "a character device");
        for (Map.Entry<Path, String> kind : kinds.entrySet()) {
            Path p = kind.getKey();
            Run r = run("symbols", "query", "-s", p.toString(), "x");
            assertEquals(1, r.status(), p.toString());
            assertEquals("klp-tool: " + p + ": not a regular file (" + kind.getValue() + ")\n", r.err());
        }
    }

    @Test
    void headerPrintsTheShippedFile() throws Exception {
        Run r = run("header");
        assertEquals(0, r.status());
        assertEquals(new String(HeaderCommand.header(), StandardCharsets.US_ASCII), r.out());
        assertTrue(r.out().contains("#define KLP_MODULE_RELOC(object)"));
    }

    /** A module with the symbols file of its architecture. */
    record ModuleWithSymbols(Path module, Path symbols) {
        @Override
        public String toString() {
            return module.getParent().getFileName() + "/" + module.getFileName();
        }
    }

    /** The C outputs and inputs of the corpus and the fixture inputs: five architectures each. */
    static Stream<ModuleWithSymbols> objects() {
        return Stream.concat(corpus().stream().flatMap(c -> Stream.of(new ModuleWithSymbols(c.expected(), c.symbols()),
                new ModuleWithSymbols(c.input(), c.symbols()))),
                fixtures().stream().map(f -> new ModuleWithSymbols(f.input(), f.symbols())));
    }

    /** dump --json against GNU readelf's section table and symbol count. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("objects")
    void dumpJsonAgreesWithReadelf(ModuleWithSymbols c) throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(org.klpconvert.testdata.Tools.available("readelf"),
                org.klpconvert.testdata.Tools.reason("readelf"));
        JsonObject doc = run("dump", "--json", c.module().toString()).json();
        assertSchema(doc, "dump");
        JsonObject object = doc.getJsonArray("objects").getJsonObject(0);
        java.util.regex.Pattern row = java.util.regex.Pattern.compile(
                "^\\s*\\[\\s*(\\d+)\\]\\s+(\\S+)\\s+(\\S+)\\s+([0-9a-f]+)\\s+([0-9a-f]+)\\s+([0-9a-f]+)\\s");
        List<String> readelf = new ArrayList<>();
        for (String line : org.klpconvert.testdata.Tools.run("readelf", "-W", "-S", c.module().toString()).lines()
                .toList()) {
            java.util.regex.Matcher m = row.matcher(line);
            if (m.find() && !m.group(1).equals("0")) {
                readelf.add(m.group(1) + " " + m.group(2) + " " + m.group(3) + " " + Long.parseLong(m.group(5), 16)
                        + " " + Long.parseLong(m.group(6), 16));
            }
        }
        List<String> ours = object.getJsonArray("sections").stream().map(JsonValue::asJsonObject)
                .filter(s -> s.getInt("index") > 0)
                .map(s -> s.getInt("index") + " " + s.getString("name") + " " + s.getString("type_name") + " "
                        + s.getJsonNumber("offset").longValue() + " " + s.getJsonNumber("size").longValue())
                .toList();
        assertEquals(readelf, ours);
        int symbols = (int) org.klpconvert.testdata.Tools.run("readelf", "-W", "-s", c.module().toString()).lines()
                .filter(l -> l.matches("^\\s*\\d+: .*")).count();
        assertEquals(symbols, object.getJsonArray("symbols").size());
    }

    /** verify --json carries the text report's findings (the unconverted inputs have KS9 errors). */
    @ParameterizedTest(name = "{0}")
    @MethodSource("objects")
    void verifyJsonListsTheFindingsOfTheTextReport(ModuleWithSymbols c) {
        Path module = c.module();
        Run text = run("verify", "-v", "--symbols", c.symbols().toString(), module.toString());
        Run json = run("verify", "--json", "--symbols", c.symbols().toString(), module.toString());
        assertEquals(text.status(), json.status());
        JsonObject doc = json.json();
        assertSchema(doc, "verify");
        JsonObject result = doc.getJsonArray("modules").getJsonObject(0);
        assertEquals(text.status() == 1, result.getBoolean("errors"));
        var findings = result.getJsonArray("findings");
        List<String> lines = text.out().lines().toList();
        assertEquals(lines.size(), findings.size(), text.out());
        for (int i = 0; i < lines.size(); i++) {
            JsonObject f = findings.getJsonObject(i);
            String expected = module + ": " + f.getString("severity") + " " + f.getString("rule") + " "
                    + f.getString("place") + ": " + f.getString("message")
                    + (f.containsKey("kernel_message") ? " [kernel: " + f.getString("kernel_message") + "]" : "");
            assertEquals(expected, lines.get(i));
        }
    }

    static Stream<Path> symbolsFiles() {
        return Stream.concat(TestData.conformanceArches().stream().map(TestData::symbolsFile),
                TestData.fixtureArches().stream().map(a -> TestData.fixturesDir().resolve(a).resolve("symbols.klp")));
    }

    /**
     * symbols query on the symbols files of the corpus and the fixtures (five architectures
     * each), against a plain line scan of the file: every duplicated name's copies per object,
     * numbered as the kernel counts them, and the export flag.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("symbolsFiles")
    void symbolsQueryAgreesWithALineScan(Path file) throws Exception {
        java.util.Map<String, java.util.Map<String, Integer>> copies = new java.util.TreeMap<>();
        Set<String> exported = new java.util.HashSet<>();
        String object = null;
        List<String> lines = Files.readAllLines(file, StandardCharsets.ISO_8859_1);
        for (String line : lines.subList(1, lines.size())) {
            if (line.startsWith("*")) {
                object = line.substring(1);
            } else if (line.startsWith("__ksymtab_")) {
                exported.add(line.substring("__ksymtab_".length()));
            } else {
                copies.computeIfAbsent(line, k -> new java.util.LinkedHashMap<>()).merge(object, 1, Integer::sum);
            }
        }
        List<String> names = copies.entrySet().stream().filter(e -> e.getValue().values().stream().anyMatch(n -> n > 1))
                .map(java.util.Map.Entry::getKey).filter(n -> !n.isEmpty() && !n.startsWith("-")).limit(20)
                .collect(java.util.stream.Collectors.toCollection(ArrayList::new));
        names.add(copies.keySet().stream().filter(n -> !n.isEmpty() && !n.startsWith("-")).findFirst().orElseThrow());
        List<String> args = new ArrayList<>(List.of("symbols", "query", "--json", "-s", file.toString()));
        args.addAll(names);
        JsonObject doc = run(args.toArray(String[]::new)).json();
        assertSchema(doc, "symbols-query");
        for (JsonValue v : doc.getJsonArray("names")) {
            JsonObject n = v.asJsonObject();
            String name = n.getString("name");
            assertEquals(exported.contains(name), n.getBoolean("exported"), name);
            java.util.Map<String, List<Integer>> positions = new java.util.LinkedHashMap<>();
            for (JsonValue o : n.getJsonArray("occurrences")) {
                positions.computeIfAbsent(o.asJsonObject().getString("object"), k -> new ArrayList<>())
                        .add(o.asJsonObject().getInt("pos"));
            }
            java.util.Map<String, List<Integer>> expected = new java.util.LinkedHashMap<>();
            copies.get(name).forEach((obj, count) -> expected.put(obj, count == 1 ? List.of(0)
                    : java.util.stream.IntStream.rangeClosed(1, count).boxed().toList()));
            assertEquals(expected, positions, name);
        }
    }
}
