package org.klpconvert.convert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
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
        Process p = startWriting();
        Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(p.pid())).start();
        assertEquals(0, kill.waitFor());
        p.waitFor();
        assertEquals(List.of(), temporaryFiles(), "after SIG" + signal);
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
