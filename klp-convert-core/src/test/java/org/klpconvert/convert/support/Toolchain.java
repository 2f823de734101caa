package org.klpconvert.convert.support;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import org.klpconvert.testdata.Tools;

/**
 * The real assembler and C compiler of each corpus architecture, used to make small test
 * modules at test time. A missing tool skips the test on a developer machine and fails it
 * when {@code CI=true} ({@link Tools#available}).
 */
public enum Toolchain {
    X86_64("", "x86_64-linux-gnu-"),
    ARM64("aarch64-linux-gnu-"),
    PPC64LE("powerpc64le-linux-gnu-"),
    PPC32("powerpc-linux-gnu-"),
    S390("s390x-linux-gnu-");

    private final List<String> prefixes;

    Toolchain(String... prefixes) {
        this.prefixes = List.of(prefixes);
    }

    /** Assembles {@code source} (GNU as syntax) into a relocatable object. */
    public byte[] assemble(String source, String... options) {
        List<String> command = new ArrayList<>(List.of(program("as")));
        command.addAll(List.of(options));
        return build(source, ".s", command);
    }

    /** Compiles C {@code source} with {@code -c}, at {@code -O2} unless options say otherwise. */
    public byte[] compile(String source, String... options) {
        List<String> command = new ArrayList<>(List.of(program("gcc"), "-O2", "-c", "-fno-asynchronous-unwind-tables"));
        command.addAll(List.of(options));
        return build(source, ".c", command);
    }

    /** The program with this architecture's prefix; skips (or fails in CI) when none is installed. */
    private String program(String tool) {
        for (String prefix : prefixes) {
            if (Tools.find(prefix + tool).isPresent()) {
                return prefix + tool;
            }
        }
        String wanted = prefixes.get(prefixes.size() - 1) + tool;
        assumeTrue(Tools.available(wanted), Tools.reason(wanted));
        return wanted;
    }

    private static byte[] build(String source, String suffix, List<String> command) {
        Path dir = null;
        try {
            dir = Files.createTempDirectory("klp-toolchain");
            Path in = dir.resolve("module" + suffix);
            Path out = dir.resolve("module.o");
            Files.writeString(in, source, StandardCharsets.ISO_8859_1);
            List<String> full = new ArrayList<>(command);
            full.addAll(List.of(in.toString(), "-o", out.toString()));
            Tools.run(full);
            return Files.readAllBytes(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            delete(dir);
        }
    }

    private static void delete(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a left-over temporary directory does not affect the test
        }
    }
}
