package org.klpconvert.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.klpconvert.testdata.ConversionCase;
import org.klpconvert.testdata.TestData;
import picocli.CommandLine;

/** {@code klp-tool verify}: report lines on stdout and exit codes 0, 1, 2, 3 (style.md section 3). */
class VerifyCommandTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cl = KlpTool.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(args);
    }

    private static List<ConversionCase> arch(String arch) {
        return TestData.conversionCases().stream().filter(c -> c.arch().equals(arch)).toList();
    }

    private List<String> lines() {
        return out.toString().isEmpty() ? List.of() : Arrays.asList(out.toString().split("\n"));
    }

    @Test
    void convertedModulesPassSilentlyAndExit0() {
        List<ConversionCase> cases = arch("x86_64");
        String[] args = new String[3 + cases.size()];
        args[0] = "verify";
        args[1] = "--symbols";
        args[2] = cases.get(0).symbols().toString();
        for (int i = 0; i < cases.size(); i++) {
            args[3 + i] = cases.get(i).expected().toString();
        }
        assertEquals(0, run(args), err.toString());
        assertEquals(List.of(), lines());
        assertEquals("", err.toString());
    }

    @Test
    void infoFindingsOnlyWithV() {
        ConversionCase c = arch("arm64").get(0);
        assertEquals(0, run("verify", "-v", c.expected().toString()), err.toString());
        assertTrue(!lines().isEmpty(), "no INFO lines");
        for (String line : lines()) {
            assertTrue(line.startsWith(c.expected() + ": INFO KR13 ["), line);
        }
    }

    @Test
    void anUnconvertedModuleGivesKs9ErrorsAndExits1() {
        ConversionCase c = arch("ppc32").get(0);
        assertEquals(1, run("verify", "-s", c.symbols().toString(), c.input().toString()), err.toString());
        assertTrue(!lines().isEmpty());
        for (String line : lines()) {
            assertTrue(line.matches("\\Q" + c.input() + "\\E: ERROR KS9 symbol \\d+ '[^']+': .* \\[kernel: "
                    + c.module() + ": Unknown symbol [^ ]+ \\(err -2\\)]"), line);
        }
    }

    @Test
    void usageErrorsExit2() {
        assertEquals(2, run("verify"));
        assertEquals(2, run("verify", "--kernel", "six", "x.ko"));
        assertEquals(2, run("verify", "--no-such-option", "x.ko"));
    }

    @Test
    void malformedInputExits3(@TempDir Path dir) throws Exception {
        Path text = Files.writeString(dir.resolve("t.ko"), "hello\n");
        ConversionCase c = arch("s390").get(0);
        assertEquals(3, run("verify", text.toString(), c.expected().toString()));
        assertTrue(err.toString().contains(text + ": not an ELF file"), err.toString());
        Path badSymbols = Files.writeString(dir.resolve("s.klp"), "not a symbols file\n");
        assertEquals(3, run("verify", "-s", badSymbols.toString(), c.expected().toString()));
    }

    @Test
    void olderKernelRulesApplyWithKernel() throws Exception {
        ConversionCase c = arch("x86_64").get(0);
        assertEquals(0, run("verify", "--kernel", "5.4", c.expected().toString()), err.toString());
        assertEquals(0, run("verify", "--kernel", "6.1.0-13-amd64", c.expected().toString()), err.toString());
    }
}
