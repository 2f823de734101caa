package org.klpconvert.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.klpconvert.testdata.ErrorCase;
import org.klpconvert.testdata.TestData;
import org.klpconvert.testdata.Tools;

/**
 * The conformance corpus through the packaged launcher, judged as the corpus README says:
 * conversions byte for byte against the C tool's outputs, error cases by their required
 * stderr lines, exit status and absent output.
 */
class ConformanceIT {

    @TestFactory
    Stream<DynamicTest> conversionsMatchTheCToolByteForByte(@TempDir Path dir) {
        return TestData.conversionCases().stream().map(c -> DynamicTest.dynamicTest(c.toString(), () -> {
            Path out = dir.resolve(c.arch() + "-" + c.module() + ".ko");
            Launcher.Run run = Launcher.run(dir, c.symbols().toString(), c.input().toString(), out.toString());
            assertEquals(0, run.exit(), c + ": " + run.stderr());
            assertEquals("", run.stdout(), c + " stdout");
            assertEquals("", run.stderr(), c + " stderr");
            FirstDifference.of(Files.readAllBytes(c.expected()), Files.readAllBytes(out)).ifPresentOrElse(
                    d -> fail("FAIL " + c + ": " + d), () -> System.out.println("PASS " + c));
        }));
    }

    @TestFactory
    Stream<DynamicTest> errorCasesPrintTheRequiredLines(@TempDir Path dir) {
        return TestData.errorCases().stream().map(e -> DynamicTest.dynamicTest(e.toString(), () -> {
            Path work = Files.createDirectories(dir.resolve(e.name()));
            Files.copy(e.input(), work.resolve("input.tmp.ko"));
            Files.copy(e.symbols(), work.resolve("symbols.klp"));
            Launcher.Run run = Launcher.run(work, "symbols.klp", "input.tmp.ko", "out.ko");
            judge(e, run, work);
            System.out.println("PASS " + e);
        }));
    }

    private static void judge(ErrorCase e, Launcher.Run run, Path work) {
        List<String> lines = Arrays.asList(run.stderr().split("\n", -1));
        for (String required : e.expectedLines()) {
            assertTrue(lines.contains(required), e + ": missing line '" + required + "' in:\n" + run.stderr());
        }
        assertFalse(run.stderr().matches("(?s).*(^|\n)(Exception|Caused by:|\tat ).*"), e + ": stack trace");
        assertEquals(e.expectedExit(), run.exit(), e + " exit status");
        assertEquals("", run.stdout(), e + " stdout");
        if (e.outputAbsent()) {
            assertFalse(Files.exists(work.resolve("out.ko")), e + ": output file created");
        }
    }

    @Test
    void theCorpusCheckScriptPassesEveryCase() throws Exception {
        assertTrue(Tools.available("bash"), Tools.reason("bash"));
        Path script = TestData.conformanceDir().resolve("check.sh");
        String out = Tools.run(List.of("bash", script.toString(), Launcher.BIN.toString()));
        List<String> lines = out.lines().toList();
        assertEquals(38, lines.size(), out);
        assertTrue(lines.stream().allMatch(l -> l.startsWith("PASS ")), out);
        Files.writeString(Path.of("target/check.sh.out"), out, StandardCharsets.ISO_8859_1);
    }
}
