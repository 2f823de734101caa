package org.klpconvert.testdata;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * External programs that tests use as independent oracles (readelf, as, gcc), and the rule for
 * when one is missing: a test skips with a visible reason on a developer machine, but when the
 * environment variable {@code CI} is {@code true} a missing tool is a failure, so that a CI
 * run never passes by silently skipping its oracles.
 *
 * <p>Usage with JUnit: {@code assumeTrue(Tools.available("readelf"), Tools.reason("readelf"))},
 * or {@code Tools.require("readelf")} where a skip is not needed.
 */
public final class Tools {

    /** The readelf version the dump tests are written against. */
    public static final String READELF_VERSION = "2.40";

    private Tools() {
    }

    /** Whether this run is a CI run ({@code CI=true}), where no oracle may be missing. */
    public static boolean isCi() {
        return "true".equalsIgnoreCase(System.getenv("CI"));
    }

    /** The program on {@code PATH}, if there is one. */
    public static Optional<Path> find(String program) {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String dir : path.split(java.io.File.pathSeparator)) {
            Path candidate = Path.of(dir.isEmpty() ? "." : dir, program);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /**
     * Whether the program can be used. When it cannot and {@code CI=true}, this throws an
     * {@link AssertionError} instead of returning false.
     */
    public static boolean available(String program) {
        Optional<String> problem = problem(program);
        if (problem.isPresent() && isCi()) {
            throw new AssertionError(problem.get() + " (CI=true: required)");
        }
        problem.ifPresent(p -> System.err.println("SKIPPED: " + p));
        return problem.isEmpty();
    }

    /** Why the program cannot be used, for a skip message. */
    public static String reason(String program) {
        return problem(program).orElse(program + " is available");
    }

    /** The program's path; an {@link AssertionError} if it is missing. */
    public static Path require(String program) {
        return find(program).orElseThrow(() -> new AssertionError(program + " is not installed"));
    }

    /**
     * Runs a command and returns its stdout decoded ISO-8859-1 (byte for byte, as ELF names
     * are); fails with the stderr text if the exit status is not 0.
     */
    public static String run(List<String> command) {
        try {
            ProcessBuilder builder = new ProcessBuilder(command);
            builder.environment().put("LC_ALL", "C"); // byte-wise names, untranslated texts
            Process p = builder.start();
            p.getOutputStream().close();
            CompletableFuture<byte[]> err = CompletableFuture.supplyAsync(() -> readAll(p.getErrorStream()));
            byte[] out = readAll(p.getInputStream());
            int status = p.waitFor();
            if (status != 0) {
                throw new AssertionError(command + " exited with " + status + ": "
                        + new String(err.join(), StandardCharsets.ISO_8859_1));
            }
            return new String(out, StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** {@link #run(List)} with the arguments given inline. */
    public static String run(String... command) {
        return run(new ArrayList<>(List.of(command)));
    }

    private static Optional<String> problem(String program) {
        Optional<Path> path = find(program);
        if (path.isEmpty()) {
            return Optional.of(program + " is not installed (not on PATH)");
        }
        if (program.equals("readelf")) {
            String version = run(path.get().toString(), "--version").lines().findFirst().orElse("");
            if (!version.matches(".* " + READELF_VERSION.replace(".", "\\.") + "(\\..*)?$")) {
                return Optional.of("readelf is not binutils " + READELF_VERSION + ": " + version);
            }
        }
        return Optional.empty();
    }

    private static byte[] readAll(InputStream in) {
        try (in; ByteArrayOutputStream buffer = new ByteArrayOutputStream()) {
            in.transferTo(buffer);
            return buffer.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
