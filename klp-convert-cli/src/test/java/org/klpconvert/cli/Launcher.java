package org.klpconvert.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs {@code bin/klp-convert} of this source tree as a separate process, as kbuild does. */
public final class Launcher {
    public static final Path BIN = Path.of(System.getProperty("user.dir")).resolve("../bin/klp-convert").normalize();
    /** {@code bin/klp-tool}, the subcommands' launcher. */
    public static final Path TOOL = BIN.resolveSibling("klp-tool");

    /** Exit status, stdout and stderr (ISO-8859-1) of one run. */
    public record Run(int exit, String stdout, String stderr) {
    }

    private Launcher() {
    }

    /**
     * Runs the launcher of this source tree. Its class-data-sharing archives go to a cache
     * under {@code target/}, not the user's.
     */
    public static Run run(Path workingDirectory, String... args) throws IOException, InterruptedException {
        Path cache = Path.of(System.getProperty("user.dir"), "target", "cds-cache");
        return run(BIN, Map.of("KLP_CONVERT_CACHE", cache.toString()), workingDirectory, args);
    }

    /** Runs {@code program} (a launcher) with extra environment variables. */
    public static Run run(Path program, Map<String, String> environment, Path workingDirectory, String... args)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(program.toString());
        command.addAll(List.of(args));
        Path out = Files.createTempFile("klp-out", ".txt");
        Path err = Files.createTempFile("klp-err", ".txt");
        try {
            ProcessBuilder builder = new ProcessBuilder(command).directory(workingDirectory.toFile());
            builder.environment().putAll(environment);
            Process p = builder
                    .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("timeout: " + command);
            }
            return new Run(p.exitValue(), Files.readString(out, StandardCharsets.ISO_8859_1),
                    Files.readString(err, StandardCharsets.ISO_8859_1));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }
}
