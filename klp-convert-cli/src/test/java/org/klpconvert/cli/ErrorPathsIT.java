package org.klpconvert.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.klpconvert.testdata.ConversionCase;
import org.klpconvert.testdata.TestData;

/**
 * Issue 9: the error paths that only a separate process shows, run through the launchers as
 * a user runs them: what is printed before {@code System.exit} (finding 2) and the message
 * when the heap runs out (finding 5).
 */
class ErrorPathsIT {
    @TempDir
    Path dir;

    @Test
    void finding2ConvertPrintsWhyAConversionFailed() throws Exception {
        ConversionCase c = TestData.conversionCases().get(0);
        Path empty = Files.writeString(dir.resolve("symbols.klp"), "klp-convert-symbol-data.0.1\n*vmlinux\n");
        Launcher.Run run = Launcher.run(Launcher.TOOL, Map.of(), dir, "convert", "-s", empty.toString(), "-o",
                dir.toString(), c.input().toString());
        assertEquals(1, run.exit());
        assertTrue(run.stderr().contains("klp-convert: Unable to find missing symbol: "), "stderr: '" + run.stderr() + "'");
        assertFalse(run.stderr().contains("Exception"), run.stderr());
    }

    @Test
    void finding5OutOfMemoryNamesTheSymbolsFileWhenItIsTheProblem() throws Exception {
        ConversionCase c = TestData.conversionCases().get(0);
        Path symbols = dir.resolve("huge.klp");
        try (OutputStream out = Files.newOutputStream(symbols)) {
            out.write("klp-convert-symbol-data.0.1\n*vmlinux\n".getBytes(StandardCharsets.ISO_8859_1));
            byte[] line = ("x".repeat(63) + "\n").getBytes(StandardCharsets.ISO_8859_1);
            for (int i = 0; i < (96 << 20) / line.length; i++) {
                out.write(line);
            }
        }
        Launcher.Run run = Launcher.run(Launcher.BIN, Map.of("JAVA_OPTS", "-Xmx48m"), dir, symbols.toString(),
                c.input().toString(), dir.resolve("out.ko").toString());
        assertEquals(255, run.exit());
        assertEquals("klp-convert: out of memory while reading the symbols file " + symbols
                + " (JAVA_OPTS=-Xmx... raises the heap)\n", run.stderr());
    }
}
