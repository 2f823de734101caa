package org.klpconvert.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.klpconvert.testdata.ConversionCase;
import org.klpconvert.testdata.TestData;
import picocli.CommandLine;

/** klp-tool's subcommands and its exit codes: 0 OK, 1 failure, 2 usage, 3 malformed input. */
class KlpToolTest {
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cl = KlpTool.commandLine();
        cl.setErr(new PrintWriter(err, true));
        cl.setOut(new PrintWriter(new StringWriter(), true));
        return cl.execute(args);
    }

    /** Runs with stdout captured and returns it. */
    private static String stdout(String... args) {
        StringWriter out = new StringWriter();
        CommandLine cl = KlpTool.commandLine();
        cl.setOut(new PrintWriter(out, true));
        assertEquals(0, cl.execute(args), String.join(" ", args));
        return out.toString();
    }

    @Test
    void everySubcommandPrintsTheBuildVersion() {
        String version = stdout("--version");
        assertTrue(version.startsWith("klp-tool " + ToolVersion.current() + "\n"), version);
        assertTrue(ToolVersion.current().matches("\\d+\\.\\d+\\.\\d+.*"), ToolVersion.current());
        for (String command : KlpTool.commandLine().getSubcommands().keySet()) {
            if (!command.equals("help")) {
                assertEquals(version, stdout(command, "--version"), command);
            }
        }
    }

    @Test
    void helpNamesACommand() {
        for (String command : KlpTool.commandLine().getSubcommands().keySet()) {
            assertTrue(stdout("help", command).contains("Usage: klp-tool " + command), command);
        }
        assertEquals(2, run("help", "no-such-command"));
    }

    @Test
    void usageErrorsExit2() {
        assertEquals(2, run("dump", "--no-such-option", "x"));
        assertEquals(2, run("convert", "x.ko"));
        assertEquals(2, run("no-such-command"));
    }

    @Test
    void aMissingFileIsNamedWithItsReason(@TempDir Path dir) {
        Path absent = dir.resolve("absent.ko");
        assertEquals(1, run("dump", absent.toString()));
        assertTrue(err.toString().contains(absent + ": No such file or directory"), err.toString());
    }

    @Test
    void twoModulesWithOneOutputNameAreAUsageError(@TempDir Path dir) {
        ConversionCase c = TestData.conversionCases().get(0);
        assertEquals(2, run("convert", "-s", c.symbols().toString(), "-o", dir.toString(), c.input().toString(),
                c.input().toString()));
        assertEquals(2, run("symbols", "--threads", "0", "--modules", dir.toString(), "-o", dir.resolve("s").toString()));
    }

    @Test
    void malformedInputExits3WithTheFileAndTheReason(@TempDir Path dir) throws Exception {
        Path text = Files.writeString(dir.resolve("t.ko"), "hello\n");
        assertEquals(3, run("dump", text.toString()));
        assertTrue(err.toString().contains(text + ": not an ELF file"), err.toString());
    }

    @Test
    void convertWritesEveryModuleAgainstOneSymbolsFile(@TempDir Path dir) {
        var cases = TestData.conversionCases().stream().filter(c -> c.arch().equals("s390")).toList();
        String[] args = new String[4 + cases.size()];
        args[0] = "convert";
        args[1] = "--symbols=" + cases.get(0).symbols();
        args[2] = "-o";
        args[3] = dir.toString();
        for (int i = 0; i < cases.size(); i++) {
            args[4 + i] = cases.get(i).input().toString();
        }
        assertEquals(0, run(args), err.toString());
        for (ConversionCase c : cases) {
            try {
                assertArrayEquals(Files.readAllBytes(c.expected()), Files.readAllBytes(dir.resolve(c.module() + ".ko")), c.toString());
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }

    @Test
    void aFailedConversionPrintsTheCMessagesAndExits1(@TempDir Path dir) throws Exception {
        ConversionCase c = TestData.conversionCases().get(0);
        Path symbols = Files.writeString(dir.resolve("s.klp"), "klp-convert-symbol-data.0.1\n*vmlinux\n");
        assertEquals(1, run("convert", "-s", symbols.toString(), "-o", dir.toString(), c.input().toString()));
        assertTrue(err.toString().contains("klp-convert: Unable to find missing symbol: "), err.toString());
    }

    @Test
    void symbolsFromAKallsymsDumpListDuplicatesInKallsymsOrder(@TempDir Path dir) throws Exception {
        Path dump = Files.writeString(dir.resolve("kallsyms"), String.join("\n",
                "ffffffff81000000 T _stext", "ffffffff82c3e3c0 d mm_slots_hash", "ffffffff8403f320 b mm_slots_hash",
                "ffffffffc0258000 t bm_status_read\t[binfmt_misc]", "ffffffffc025d0c8 d enabled\t[binfmt_misc]", ""));
        Path out = dir.resolve("symbols.klp");
        assertEquals(0, run("symbols", "--kallsyms", dump.toString(), "-o", out.toString()), err.toString());
        assertEquals("klp-convert-symbol-data.0.1 order=kallsyms\n*vmlinux\n_stext\nmm_slots_hash\nmm_slots_hash\n"
                + "*binfmt_misc\nbm_status_read\nenabled\n", Files.readString(out));
    }
}
