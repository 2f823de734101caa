package org.klpconvert.elf.edit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.klpconvert.elf.ElfFile;
import org.klpconvert.elf.ElfFormatException;
import org.klpconvert.testdata.Tools;

/**
 * Every module of the installed Debian kernel ({@code linux-image-amd64}): read, written in
 * the preserve layout (byte-identical required) and in the libelf layout (must read again).
 * Compressed modules are counted but not opened; decompression is not klp-elf's business.
 */
class DebianModulesRoundTripTest {

    @Test
    void everyInstalledModuleRoundTrips() throws IOException {
        Optional<Path> tree = kernelTree();
        if (tree.isEmpty() && Tools.isCi()) {
            throw new AssertionError("no /lib/modules/<version>/kernel with .ko files (CI=true: required)");
        }
        assumeTrue(tree.isPresent(), "no installed kernel modules under /lib/modules");
        List<Path> all;
        try (Stream<Path> files = Files.walk(tree.get())) {
            all = files.filter(p -> p.getFileName().toString().matches(".*\\.ko(\\.xz|\\.zst|\\.gz)?")).sorted()
                    .toList();
        }
        List<Path> plain = all.stream().filter(p -> p.toString().endsWith(".ko")).toList();
        long start = System.nanoTime();
        List<String> problems = plain.parallelStream().map(DebianModulesRoundTripTest::roundTrip)
                .flatMap(Optional::stream).toList();
        long ms = (System.nanoTime() - start) / 1_000_000;
        System.out.println("Debian modules: " + plain.size() + " files, " + (plain.size() - problems.size())
                + " identical, " + ms + " ms (" + (all.size() - plain.size()) + " compressed, not opened) under "
                + tree.get());
        assertTrue(problems.isEmpty(), problems.size() + " failed, first: " + problems.stream().limit(5).toList());
        assertTrue(plain.size() > 100, "suspiciously few modules: " + plain.size());
    }

    /** Empty when the module round trips; otherwise what went wrong. */
    private static Optional<String> roundTrip(Path p) {
        try {
            byte[] in = Files.readAllBytes(p);
            ElfEditor editor = ElfEditor.open(ElfFile.parse(in, p.toString()));
            byte[] preserved = editor.write(LayoutPolicy.PRESERVE);
            if (!Arrays.equals(in, preserved)) {
                return Optional.of(p + ": PRESERVE output differs");
            }
            byte[] libelf = editor.write(LayoutPolicy.LIBELF);
            ElfEditor again = ElfEditor.open(ElfFile.parse(libelf, p + " (libelf layout)"));
            assertEquals(editor.sections().size(), again.sections().size());
            return Optional.empty();
        } catch (ElfFormatException e) {
            return Optional.of(e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The module tree of the installed kernel; of several, the last by version string. */
    private static Optional<Path> kernelTree() throws IOException {
        Path root = Path.of("/lib/modules");
        if (!Files.isDirectory(root)) {
            return Optional.empty();
        }
        try (Stream<Path> versions = Files.list(root)) {
            return versions.map(v -> v.resolve("kernel")).filter(Files::isDirectory)
                    .max(java.util.Comparator.comparing(Path::toString));
        }
    }
}
