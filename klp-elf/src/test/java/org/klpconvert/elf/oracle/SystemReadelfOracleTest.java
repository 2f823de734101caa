package org.klpconvert.elf.oracle;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.klpconvert.elf.ElfFile;
import org.klpconvert.elf.ElfFormatException;
import org.klpconvert.elf.dump.DumpOption;
import org.klpconvert.elf.dump.ReadelfDump;
import org.klpconvert.testdata.TestData;
import org.klpconvert.testdata.Tools;

/**
 * The dump against GNU readelf 2.40 on every ELF file of the machine that a user would point
 * it at: the Debian kernel's module tree, {@code /usr/bin}, {@code /usr/sbin}, {@code /usr/lib},
 * the cross-compiled objects of the five architectures (the conformance corpus and our
 * fixtures), and a {@code vmlinux} extracted from the installed Debian kernel image. Every file
 * is dumped with each option alone, and the modules, cross objects and kernels also with the
 * default set and with all options together (the rest would double the run time for no new
 * code path); each text is compared byte for byte, streaming,
 * with {@code readelf -W} run once per file and option set, in parallel. A difference fails the
 * test naming the file, the options and the first differing line; the counts and the time per
 * option set are printed.
 *
 * <p>The system property {@code klp.oracle.roots} (paths separated by {@code :}) replaces the
 * system directories, e.g. to run over one library while working on the dump.
 */
class SystemReadelfOracleTest {
    private static final Path MODULES = Path.of("/lib/modules");
    private static final List<Path> SYSTEM = List.of(Path.of("/usr/bin"), Path.of("/usr/sbin"), Path.of("/usr/lib"));

    /** One group of files, named for the report. */
    private record Group(String name, List<Path> files, boolean combinations) {
    }

    /** One readelf invocation to compare with. */
    private record Task(String group, Path file, Set<DumpOption> options) {
        String label() {
            return options.equals(DumpOption.DEFAULT) ? "default (-h -S -s -r)"
                    : options.size() == DumpOption.values().length ? "all nine"
                    : options.iterator().next().readelfOption();
        }
    }

    /** What one comparison found. */
    private record Outcome(Task task, String problem, long nanos) {
    }

    @Test
    void everyElfFileOfTheMachineDumpsLikeReadelf() throws Exception {
        assumeTrue(Tools.available("readelf"), Tools.reason("readelf"));
        run();
    }

    /** Runs the comparison outside JUnit: {@code java -Dklp.oracle.roots=DIR:DIR ... SystemReadelfOracleTest}. */
    public static void main(String[] args) throws Exception {
        run();
    }

    private static void run() throws Exception {
        long start = System.nanoTime();
        List<Group> groups = groups();
        List<Task> tasks = new ArrayList<>();
        for (Group g : groups) {
            for (Path f : g.files()) {
                for (DumpOption o : DumpOption.values()) {
                    tasks.add(new Task(g.name(), f, EnumSet.of(o)));
                }
                if (g.combinations()) {
                    tasks.add(new Task(g.name(), f, DumpOption.DEFAULT));
                    tasks.add(new Task(g.name(), f, EnumSet.allOf(DumpOption.class)));
                }
            }
        }
        Map<Path, Long> sizes = new ConcurrentHashMap<>();
        tasks.sort(Comparator.comparingLong((Task t) -> sizes.computeIfAbsent(t.file(), SystemReadelfOracleTest::size))
                .reversed());
        int threads = Math.max(2, Runtime.getRuntime().availableProcessors());
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<Outcome>> futures = new ArrayList<>();
        try {
            for (Task t : tasks) {
                futures.add(pool.submit(() -> compare(t)));
            }
            List<Outcome> outcomes = new ArrayList<>();
            for (Future<Outcome> f : futures) {
                outcomes.add(f.get());
            }
            report(groups, outcomes, System.nanoTime() - start, threads);
        } finally {
            pool.shutdownNow();
        }
    }

    private static long size(Path p) {
        try {
            return Files.size(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Group> groups() throws IOException {
        Set<Path> seen = new LinkedHashSet<>();
        List<Group> groups = new ArrayList<>();
        String roots = System.getProperty("klp.oracle.roots", "");
        if (!roots.isEmpty()) {
            for (String root : roots.split(":")) {
                groups.add(new Group(root, elfFiles(Path.of(root), seen), true));
            }
            return groups;
        }
        List<Path> moduleTrees = moduleTrees();
        if (moduleTrees.isEmpty() && Tools.isCi()) {
            fail("no Debian module tree under " + MODULES + " (CI=true: the kernel package is required)");
        }
        List<Path> modules = new ArrayList<>();
        for (Path tree : moduleTrees) {
            modules.addAll(elfFiles(tree, seen));
        }
        groups.add(new Group("Debian modules", modules, true));
        List<Path> cross = new ArrayList<>();
        for (Path p : TestData.allCorpusObjects()) {
            cross.addAll(elfFiles(p, seen));
        }
        cross.addAll(elfFiles(TestData.fixturesDir(), seen));
        groups.add(new Group("cross-compiled objects (5 arches)", cross, true));
        groups.add(new Group("vmlinux", vmlinuxes(seen), true));
        for (Path dir : SYSTEM) {
            groups.add(new Group(dir.toString(), elfFiles(dir, seen), false));
        }
        return groups;
    }

    private static List<Path> moduleTrees() throws IOException {
        if (!Files.isDirectory(MODULES)) {
            return List.of();
        }
        try (Stream<Path> releases = Files.list(MODULES)) {
            return releases.map(r -> r.resolve("kernel")).filter(Files::isDirectory).sorted().toList();
        }
    }

    /** The kernels: one extracted from each installed Debian image, and those named by {@code klp.oracle.vmlinux}. */
    private static List<Path> vmlinuxes(Set<Path> seen) throws IOException {
        List<Path> result = new ArrayList<>();
        Path boot = Path.of("/boot");
        List<Path> images = List.of();
        if (Files.isDirectory(boot)) {
            try (Stream<Path> s = Files.list(boot)) {
                images = s.filter(p -> p.getFileName().toString().startsWith("vmlinuz-")).filter(Files::isReadable)
                        .sorted().toList();
            }
        }
        if (images.isEmpty() && Tools.isCi()) {
            fail("no readable /boot/vmlinuz-* (CI=true: the Debian kernel image is required)");
        }
        Path target = Path.of("target", "vmlinux");
        Files.createDirectories(target);
        for (Path image : images) {
            Path out = target.resolve(image.getFileName().toString().replace("vmlinuz", "vmlinux"));
            KernelImage.extract(image, out).ifPresentOrElse(p -> result.addAll(elfFiles(p, seen)),
                    () -> fail("no vmlinux found inside " + image));
        }
        for (String extra : System.getProperty("klp.oracle.vmlinux", "").split(":")) {
            if (!extra.isEmpty()) {
                result.addAll(elfFiles(Path.of(extra), seen));
            }
        }
        return result;
    }

    /** The regular ELF files under {@code root}, each real file once over all groups, sorted. */
    private static List<Path> elfFiles(Path root, Set<Path> seen) {
        if (!Files.exists(root)) {
            return List.of();
        }
        try (Stream<Path> s = Files.walk(root)) {
            List<Path> candidates = s.filter(p -> Files.isRegularFile(p, java.nio.file.LinkOption.NOFOLLOW_LINKS))
                    .sorted().toList();
            List<Path> result = new ArrayList<>();
            for (Path p : candidates) {
                if (isElf(p) && seen.add(p.toRealPath())) {
                    result.add(p);
                }
            }
            return result;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean isElf(Path p) {
        try (InputStream in = Files.newInputStream(p)) {
            byte[] head = in.readNBytes(4);
            return head.length == 4 && head[0] == 0x7f && head[1] == 'E' && head[2] == 'L' && head[3] == 'F';
        } catch (IOException e) {
            return false; // unreadable (permissions): not a file a user could dump either
        }
    }

    private static Outcome compare(Task t) throws Exception {
        long start = System.nanoTime();
        List<String> command = new ArrayList<>(List.of("readelf", "-W"));
        for (DumpOption o : t.options()) {
            command.add(o.readelfOption());
        }
        command.add(t.file().toString());
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD);
        builder.environment().put("LC_ALL", "C");
        Process readelf = builder.start();
        readelf.getOutputStream().close();
        String problem = null;
        try (BufferedReader expected = new BufferedReader(
                new InputStreamReader(readelf.getInputStream(), StandardCharsets.ISO_8859_1), 1 << 16)) {
            StreamComparison comparison = new StreamComparison(expected);
            try {
                ReadelfDump.write(ElfFile.map(t.file()), t.options(), comparison);
            } catch (ElfFormatException e) {
                problem = "refused by klp-elf: " + e.getMessage();
            }
            StreamComparison.Difference d = comparison.finish();
            if (d != null && problem == null) {
                problem = "line " + d.line() + "\n      readelf: " + d.expected() + "\n      klp-elf: " + d.actual();
            }
        } finally {
            readelf.destroy();
            readelf.waitFor();
        }
        return new Outcome(t, problem, System.nanoTime() - start);
    }

    private static void report(List<Group> groups, List<Outcome> outcomes, long nanos, int threads) {
        StringBuilder s = new StringBuilder("\nreadelf 2.40 oracle: ");
        s.append(outcomes.size()).append(" comparisons of ")
                .append(groups.stream().mapToInt(g -> g.files().size()).sum()).append(" ELF files in ")
                .append(nanos / 1_000_000_000).append(" s on ").append(threads).append(" threads\n");
        for (Group g : groups) {
            s.append(String.format("  %-36s %6d files%n", g.name(), g.files().size()));
        }
        Map<String, List<Outcome>> byOption = outcomes.stream().collect(Collectors.groupingBy(o -> o.task().label(),
                LinkedHashMap::new, Collectors.toList()));
        s.append(String.format("  %-22s %8s %10s %10s%n", "option", "files", "identical", "time (s)"));
        for (Map.Entry<String, List<Outcome>> e : byOption.entrySet()) {
            long identical = e.getValue().stream().filter(o -> o.problem() == null).count();
            long time = e.getValue().stream().mapToLong(Outcome::nanos).sum() / 1_000_000_000;
            s.append(String.format("  %-22s %8d %10d %10d%n", e.getKey(), e.getValue().size(), identical, time));
        }
        System.out.print(s);
        List<Outcome> failures = outcomes.stream().filter(o -> o.problem() != null)
                .sorted(Comparator.comparing((Outcome o) -> o.task().file()).thenComparing(o -> o.task().label()))
                .toList();
        if (!failures.isEmpty()) {
            String list = failures.stream().limit(40).map(o -> "  " + o.task().file() + " [readelf -W "
                    + o.task().options().stream().map(DumpOption::readelfOption).collect(Collectors.joining(" "))
                    + "]: " + o.problem())
                    .collect(Collectors.joining("\n"));
            fail(failures.size() + " of " + outcomes.size() + " dumps differ from readelf:\n" + list);
        }
    }
}
