package org.klpconvert.testdata;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/**
 * Entry point to the fixtures. Everything is extracted lazily, once per JVM, into one
 * temporary directory that is removed when the JVM exits.
 */
public final class TestData {

    private static final String ROOT = "org/klpconvert/testdata";
    private static Path extracted;

    private TestData() {
    }

    /** The extracted fixture tree: {@code conformance/} and {@code fixtures/}. */
    public static synchronized Path root() {
        if (extracted == null) {
            extracted = extract();
        }
        return extracted;
    }

    /** The conformance corpus directory (same layout as the corpus README describes). */
    public static Path conformanceDir() {
        return root().resolve("conformance");
    }

    /** The five architecture folder names of the corpus, sorted. */
    public static List<String> conformanceArches() {
        return List.of("arm64", "ppc32", "ppc64le", "s390", "x86_64");
    }

    /** Every conversion case of the corpus: one per {@code <arch>/<module>.tmp.ko}. */
    public static List<ConversionCase> conversionCases() {
        List<ConversionCase> cases = new ArrayList<>();
        for (String arch : conformanceArches()) {
            Path dir = conformanceDir().resolve(arch);
            for (String module : modulesIn(dir)) {
                cases.add(new ConversionCase(arch, module, dir.resolve(module + ".tmp.ko"), dir.resolve(module + ".ko"),
                        symbolsFile(arch)));
            }
        }
        return cases;
    }

    /** The module names of the {@code <module>.tmp.ko} files in {@code dir}, sorted. */
    private static List<String> modulesIn(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString())
                    .filter(name -> name.endsWith(".tmp.ko"))
                    .map(name -> name.substring(0, name.length() - ".tmp.ko".length()))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The klpt_* fixture tree: {@code fixtures/<arch>/} (klp-testdata/src/fixtures/README.md). */
    public static Path fixturesDir() {
        return root().resolve("fixtures");
    }

    /** The five architecture folder names of the klpt_* fixtures, in build order. */
    public static List<String> fixtureArches() {
        return List.of("x86_64", "arm64", "ppc64le", "s390", "ppc32");
    }

    /**
     * Every klpt_* fixture module: one per {@code fixtures/<arch>/<module>.tmp.ko}, arches in
     * {@link #fixtureArches()} order, modules sorted, each with its arch's {@code symbols.klp}.
     */
    public static List<FixtureCase> fixtureCases() {
        List<FixtureCase> cases = new ArrayList<>();
        for (String arch : fixtureArches()) {
            Path dir = fixturesDir().resolve(arch);
            for (String module : modulesIn(dir)) {
                cases.add(new FixtureCase(arch, module, dir.resolve(module + ".tmp.ko"), dir.resolve("symbols.klp")));
            }
        }
        return cases;
    }

    /** Every error case of the corpus ({@code errors/<case>/}). */
    public static List<ErrorCase> errorCases() {
        Path dir = conformanceDir().resolve("errors");
        try (Stream<Path> dirs = Files.list(dir)) {
            return dirs.filter(Files::isDirectory).sorted().map(ErrorCase::of).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The decompressed symbols file of one corpus architecture (decompressed on first use). */
    public static synchronized Path symbolsFile(String arch) {
        Path plain = conformanceDir().resolve(arch).resolve("symbols.klp");
        if (!Files.exists(plain)) {
            Path gz = conformanceDir().resolve(arch).resolve("symbols.klp.gz");
            try (InputStream in = new GZIPInputStream(Files.newInputStream(gz), 1 << 16)) {
                Files.copy(in, plain);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return plain;
    }

    /** Every ELF object of the corpus: inputs, reference outputs and error inputs. */
    public static List<Path> allCorpusObjects() {
        try (Stream<Path> files = Files.walk(conformanceDir())) {
            return files.filter(p -> p.getFileName().toString().endsWith(".ko")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The ELF seeds of the fuzz harness ({@code elf-seeds/}): shared libraries and executables
     * of x86_64 (ELF64 little-endian) and powerpc (ELF32 big-endian), with program headers, a
     * dynamic section, symbol versions and notes, which kernel modules lack.
     */
    public static List<Path> elfSeeds() {
        try (Stream<Path> files = Files.list(root().resolve("elf-seeds"))) {
            return files.filter(p -> p.getFileName().toString().matches("(lib)?seed-[a-z0-9_]+(\\.so)?")).sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path extract() {
        URL url = TestData.class.getClassLoader().getResource(ROOT + "/conformance/README.md");
        if (url == null) {
            throw new IllegalStateException("fixture resources not on the class path");
        }
        try {
            Path target = Files.createTempDirectory("klp-testdata");
            URI uri = url.toURI();
            if ("jar".equals(uri.getScheme())) {
                try (FileSystem fs = FileSystems.newFileSystem(uri, Map.of())) {
                    copyTree(fs.getPath("/" + ROOT), target);
                }
            } else {
                copyTree(Path.of(uri).getParent().getParent(), target);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteTree(target)));
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void copyTree(Path source, Path target) throws IOException {
        try (Stream<Path> files = Files.walk(source)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                if (p.toString().endsWith(".class")) {
                    continue;
                }
                Path dest = target.resolve(source.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(dest);
                } else {
                    Files.copy(p, dest, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> files = Files.walk(root)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // best effort at JVM exit
        }
    }
}
