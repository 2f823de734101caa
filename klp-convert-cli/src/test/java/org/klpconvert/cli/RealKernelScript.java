package org.klpconvert.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.klpconvert.testdata.Tools;

/**
 * Runs one of the real-kernel test scripts of klp-testdata/real-kernel with the packaged
 * tools, echoing its steps and the guest's lines into the build log. A script exits 77 when
 * the host cannot run it (a tool or package missing): a visible skip on a developer's
 * machine, a failure in CI.
 */
final class RealKernelScript {
    /** The scripts' exit status for "cannot run here". */
    static final int SKIPPED = 77;
    /** The source tree. */
    static final Path REPO = Launcher.BIN.getParent().getParent();
    /** klp-testdata/real-kernel. */
    static final Path DIR = REPO.resolve("klp-testdata/real-kernel");

    private RealKernelScript() {
    }

    /**
     * Runs {@code bash <script> <args...>} in the source tree with KLP_CONVERT and KLP_TOOL set
     * to the packaged launchers and {@code env} added; asserts exit 0, or skips on 77 outside CI.
     */
    static void run(Map<String, String> env, String script, String... args)
            throws IOException, InterruptedException {
        Path path = DIR.resolve(script);
        List<String> command = new ArrayList<>(List.of("bash", path.toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(REPO.toFile()).redirectErrorStream(true);
        pb.environment().put("KLP_CONVERT", Launcher.BIN.toString());
        pb.environment().put("KLP_TOOL", Launcher.BIN.resolveSibling("klp-tool").toString());
        pb.environment().putAll(env);
        Process p = pb.start();
        try (BufferedReader lines = new BufferedReader(
                new InputStreamReader(p.getInputStream(), StandardCharsets.ISO_8859_1))) {
            lines.lines().forEach(System.out::println);
        }
        if (!p.waitFor(40, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new AssertionError(command + " did not finish in 40 minutes");
        }
        int exit = p.exitValue();
        if (exit == SKIPPED) {
            String reason = "real-kernel test skipped by " + path + " " + String.join(" ", args)
                    + " (see its output above)";
            if (Tools.isCi()) {
                throw new AssertionError(reason + " (CI=true: required)");
            }
            System.err.println("SKIPPED: " + reason);
            assumeTrue(false, reason);
        }
        assertEquals(0, exit, command + " failed; its output above names the step");
    }
}
