package org.klpconvert.convert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.klpconvert.convert.support.WriteLoop;

/**
 * Issue 9, finding 3: no temporary file outlives a process stopped by SIGTERM, SIGINT or
 * SIGHUP during a write; after SIGKILL, which nothing catches, the next write into the
 * directory removes it.
 */
class OutputFileSignalTest {
    @TempDir
    Path dir;

    private Process startWriting() throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process p = new ProcessBuilder(java.toString(), "-cp", classPath(),
                WriteLoop.class.getName(), dir.toString(), "64").redirectErrorStream(true)
                .redirectOutput(dir.resolveSibling(dir.getFileName() + ".log").toFile()).start();
        // Wait (without a time limit of ours: surefire's applies) until a write is under way.
        while (temporaryFiles().isEmpty()) {
            assertTrue(p.isAlive(), "the writer died before writing");
            Thread.sleep(5);
        }
        return p;
    }

    /**
     * Everything this test sees, as a plain class path for the child: the tests run patched
     * into the module, whose jars and directories are on the module path.
     */
    private static String classPath() throws Exception {
        List<String> parts = new java.util.ArrayList<>();
        for (String property : List.of("jdk.module.path", "java.class.path")) {
            String value = System.getProperty(property);
            if (value != null && !value.isEmpty()) {
                parts.add(value);
            }
        }
        for (Class<?> c : List.of(WriteLoop.class, OutputFile.class)) {
            parts.add(Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI()).toString());
        }
        return String.join(java.io.File.pathSeparator, parts);
    }

    private List<Path> temporaryFiles() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".tmp")).toList();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"TERM", "INT", "HUP"})
    void aCaughtSignalDuringAWriteLeavesNoTemporaryFile(String signal) throws Exception {
        // A process started in the background (nohup, or & without job control) inherits
        // SIGINT or SIGHUP ignored, and the JVM then leaves them ignored: nothing to catch.
        if (ignoredByThisProcess(signal)) {
            String reason = "SIG" + signal + " is ignored by the environment that started the tests"
                    + " (nohup or a background job), so a child cannot receive it";
            System.err.println("SKIPPED: " + reason);
            Assumptions.abort(reason);
        }
        Process p = startWriting();
        Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(p.pid())).start();
        assertEquals(0, kill.waitFor());
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly().waitFor();
            fail("the writer did not stop within 60 s of SIG" + signal);
        }
        assertEquals(List.of(), temporaryFiles(), "after SIG" + signal);
    }

    /** Whether {@code signal} is in this process's ignored set ({@code SigIgn} of /proc/self/status). */
    private static boolean ignoredByThisProcess(String signal) throws IOException {
        int number = switch (signal) {
            case "HUP" -> 1;
            case "INT" -> 2;
            case "TERM" -> 15;
            default -> throw new IllegalArgumentException(signal);
        };
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("SigIgn:")) {
                long mask = Long.parseUnsignedLong(line.substring("SigIgn:".length()).trim(), 16);
                return (mask & (1L << (number - 1))) != 0;
            }
        }
        return false;
    }

    @Test
    void afterSigkillTheNextWriteRemovesTheOrphan() throws Exception {
        Process p = startWriting();
        p.destroyForcibly().waitFor();
        List<Path> orphans = temporaryFiles();
        OutputFile.writeAtomically(dir.resolve("next.ko"), new byte[] {1}, "in.ko");
        for (Path orphan : orphans) {
            assertTrue(Files.notExists(orphan), orphan + " was left by the killed process");
        }
        assertEquals(List.of(), temporaryFiles());
    }
}
