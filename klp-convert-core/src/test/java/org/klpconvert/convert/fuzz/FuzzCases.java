package org.klpconvert.convert.fuzz;

import static java.nio.charset.StandardCharsets.ISO_8859_1;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorOutputStream;
import org.apache.commons.compress.compressors.zstandard.ZstdCompressorOutputStream;
import org.klpconvert.convert.support.Contract;
import org.klpconvert.convert.support.StructuralMutator;
import org.klpconvert.elf.ElfFile;
import org.klpconvert.elf.KlpException;
import org.klpconvert.elf.dump.DumpOption;
import org.klpconvert.elf.dump.ReadelfDump;
import org.klpconvert.elf.kmod.ModuleInfo;
import org.klpconvert.elf.edit.ElfEditor;
import org.klpconvert.elf.edit.LayoutPolicy;
import org.klpconvert.symbols.SymbolMap;
import org.klpconvert.symbols.gen.GeneratorOptions;
import org.klpconvert.symbols.gen.ObjectSymbols;
import org.klpconvert.symbols.gen.SymbolsGenerator;
import org.klpconvert.testdata.ConversionCase;
import org.klpconvert.testdata.TestData;

/**
 * The cases of the fuzz harness: one property over every parser and entry point, fed by
 * mutants of the conformance corpus (modules and symbols files). A case is (target, pick,
 * seed): the target says which entry point, the pick which corpus input, the seed the edits;
 * the same triple always rebuilds the same input, so a crash report names everything needed
 * to replay it ({@link #runCase}).
 *
 * <p>The property (docs/reliability.md): success, or a {@link KlpException} whose message
 * names the file, with no exception class name and no {@code null} in it; nothing else
 * thrown; at most {@value #ALLOCATION_LIMIT} bytes allocated per case; no case longer than
 * {@value #HANG_MILLIS} ms (a watchdog prints the case and stops the JVM). A module that
 * converts must re-read, verify and convert again with nothing moved ({@link Contract}).
 * Crashes are collected, not stopped at, so one run counts them all.
 *
 * <p>{@link FuzzContractTest} drives it seed-fixed in {@code mvn verify}; {@link FuzzCampaign}
 * runs the long campaign of the {@code fuzz} profile on several threads.
 */
final class FuzzCases {
    /** Bytes one case may allocate: far above what a corpus-sized input needs. */
    static final long ALLOCATION_LIMIT = 256L << 20;
    /** A case running this long is a hang: the longest legitimate ones take a few ms. */
    static final long HANG_MILLIS = 30_000;

    /** The entry points a case can drive. */
    enum Target {
        /** Structural ELF edits the reader accepts: converter, CLI path, verify, dump. */
        STRUCTURAL,
        /** Byte edits anywhere: the ELF reader first, then the same entry points. */
        BYTES,
        /** Line edits of a symbols file, maybe compressed and then corrupted: the symbols parser. */
        SYMBOLS,
        /** kallsyms, System.map and Module.symvers text: the generator's parsers and its output. */
        GENERATOR_TEXT,
        /** A mutated module given as vmlinux: the generator's ELF path (nm order). */
        GENERATOR_ELF,
        /**
         * Byte edits of a shared library or executable (ELF32 big-endian and ELF64
         * little-endian): program headers, dynamic section, symbol versions, notes, every dump.
         */
        EXECUTABLES
    }

    private static final Map<String, StructuralMutator.Target> TARGETS = new ConcurrentHashMap<>();
    private static final Map<Target, AtomicLong> COUNTS = new EnumMap<>(Target.class);
    private static final Map<Target, AtomicLong> NANOS = new EnumMap<>(Target.class);
    /** Cases between two progress lines of a long run. */
    private static final long PROGRESS_EVERY = 20_000;
    private static final List<String> CRASHES = Collections.synchronizedList(new ArrayList<>());
    /** Crashes by kind (the description without numbers): how many, and the first. */
    private static final Map<String, AtomicLong> KINDS = new ConcurrentHashMap<>();
    private static final AtomicLong CRASH_COUNT = new AtomicLong();
    private static final AtomicLong REFUSED = new AtomicLong();
    private static final AtomicLong TOTAL = new AtomicLong();
    /** Each case's input without its debug sections: the same structure in a tenth of the bytes. */
    private static final Map<String, byte[]> SEEDS = new ConcurrentHashMap<>();
    /** The case each thread runs, and since when: the watchdog's view. */
    private static final Map<Thread, Running> RUNNING = new ConcurrentHashMap<>();
    private static Path temp;
    private static long runStart;
    private static List<ConversionCase> cases;
    private static List<byte[]> executables;

    private FuzzCases() {
    }

    /** Prepares a run: the temporary directory, the counters, the watchdog. */
    static synchronized void start() throws IOException {
        // Every case writes its inputs: in memory (tmpfs) where there is one, not on a busy disk.
        Path shm = Path.of("/dev/shm");
        temp = Files.isDirectory(shm) && Files.isWritable(shm) ? Files.createTempDirectory(shm, "klp-fuzz")
                : Files.createTempDirectory("klp-fuzz");
        cases = TestData.conversionCases();
        List<byte[]> seeds = new ArrayList<>();
        for (Path p : TestData.elfSeeds()) {
            seeds.add(Files.readAllBytes(p));
        }
        executables = List.copyOf(seeds);
        for (Target t : Target.values()) {
            COUNTS.put(t, new AtomicLong());
            NANOS.put(t, new AtomicLong());
        }
        runStart = System.nanoTime();
        Thread watchdog = new Thread(FuzzCases::watch, "fuzz-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
    }

    /** {@return the crashes counted so far in this JVM} */
    static long crashCount() {
        return CRASH_COUNT.get();
    }

    /** Prints the count, time, refusals and crashes; fails when a case crashed. */
    static synchronized void report() throws IOException {
        try (java.util.stream.Stream<Path> files = Files.walk(temp)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
        long cases = COUNTS.values().stream().mapToLong(AtomicLong::get).sum();
        double seconds = (System.nanoTime() - runStart) / 1e9;
        System.out.printf("fuzz: %d cases in %.1f s (%.0f cases/s), %d refused with a typed error, crashes: %d%n",
                cases, seconds, cases / seconds, REFUSED.get(), CRASH_COUNT.get());
        for (Target t : Target.values()) {
            long n = COUNTS.get(t).get();
            System.out.printf("fuzz: %-14s %8d cases, %.2f ms each%n", t, n, n == 0 ? 0 : NANOS.get(t).get() / 1e6 / n);
        }
        KINDS.forEach((kind, n) -> System.out.println("fuzz: crash kind x" + n + ": " + kind));
        if (!CRASHES.isEmpty()) {
            throw new AssertionError(CRASH_COUNT.get() + " crashes, the first of each kind:\n" + String.join("\n", CRASHES));
        }
    }

    /**
     * One case, checked against the property: anything but success or a typed refusal is a
     * crash, recorded with the triple that rebuilds it; so is a case that allocates more than
     * {@link #ALLOCATION_LIMIT}.
     */
    static void runCase(Target target, int pick, long seed) {
        String id = target + " pick=" + pick + " seed=" + seed;
        RUNNING.put(Thread.currentThread(), new Running(id, System.currentTimeMillis()));
        long before = allocated();
        long started = System.nanoTime();
        try {
            run(target, pick, seed);
        } catch (AssertionError | RuntimeException | StackOverflowError | OutOfMemoryError e) {
            crash(id + ": " + e + where(e));
        } catch (Exception e) {
            crash(id + ": unexpected checked " + e);
        } finally {
            RUNNING.remove(Thread.currentThread());
        }
        long used = allocated() - before;
        if (used > ALLOCATION_LIMIT) {
            crash(id + ": allocated " + (used >> 20) + " MB");
        }
        NANOS.get(target).addAndGet(System.nanoTime() - started);
        COUNTS.get(target).incrementAndGet();
        long done = TOTAL.incrementAndGet();
        if (done % PROGRESS_EVERY == 0) {
            System.out.printf("fuzz: %d cases after %.0f s, crashes: %d%n", done, (System.nanoTime() - runStart) / 1e9,
                    CRASH_COUNT.get());
        }
    }

    private static void run(Target target, int pick, long seed) throws Exception {
        ConversionCase c = cases.get(pick % cases.size());
        Random random = new Random(seed);
        switch (target) {
            case STRUCTURAL -> {
                StructuralMutator.Mutant m = structural(c).mutant(seed);
                moduleContract(m.module(), m.maps());
            }
            case BYTES -> {
                byte[] module = seed(c).clone();
                Mutations.bytes(module, 1 + random.nextInt(6), random);
                moduleContract(module, structural(c).cachedMaps());
            }
            case SYMBOLS -> symbols(c, random);
            case GENERATOR_TEXT -> generatorText(c, random);
            case GENERATOR_ELF -> {
                byte[] module = seed(c).clone();
                Mutations.bytes(module, random.nextInt(4), random);
                Path vmlinux = write("vmlinux", maybeCompressed(module, random));
                generate(vmlinux, () -> new SymbolsGenerator(GeneratorOptions.defaults())
                        .objects(new SymbolsGenerator.KernelInputs(vmlinux, null, null)));
            }
            case EXECUTABLES -> {
                byte[] file = executables.get(pick % executables.size()).clone();
                Mutations.bytes(file, 1 + random.nextInt(6), random);
                inspect(file, "mutant.so");
            }
            default -> throw new AssertionError(target);
        }
    }

    private static void moduleContract(byte[] module, Contract.Maps maps) {
        if (Contract.check(module, maps) == Contract.Outcome.REFUSED) {
            REFUSED.incrementAndGet();
        }
        inspect(module, Contract.MODULE);
    }

    /**
     * What klp-elf offers for any ELF file, each part on its own (as the CLI's dump and
     * modinfo commands call them): every dump option, and a module's modinfo view.
     */
    private static void inspect(byte[] bytes, String name) {
        ElfFile file;
        try {
            file = ElfFile.parse(bytes, name);
        } catch (KlpException e) {
            typed(e, name);
            return;
        }
        for (DumpOption option : DumpOption.values()) {
            try {
                ReadelfDump.of(file, EnumSet.of(option));
            } catch (KlpException e) {
                typed(e, name);
            }
        }
        try {
            if (ModuleInfo.isModule(file)) {
                ModuleInfo info = ModuleInfo.of(file);
                info.modinfoText(name);
                info.versions();
            }
        } catch (KlpException e) {
            typed(e, name);
        }
    }

    private static void symbols(ConversionCase c, Random random) throws IOException {
        String text = new String(StructuralMutator.smallSymbols(c), ISO_8859_1);
        byte[] content = Mutations.lines(text, 1 + random.nextInt(4), random).getBytes(ISO_8859_1);
        content = maybeCompressed(content, random);
        String name = "fuzz-symbols.klp";
        try {
            SymbolMap map = SymbolMap.parse(content, name, null);
            map.entryCount();
            SymbolMap.parse(content, name, Set.of("printk", "__ksymtab_printk", ""));
        } catch (KlpException e) {
            typed(e, name);
        }
    }

    private static void generatorText(ConversionCase c, Random random) throws IOException {
        String names = new String(StructuralMutator.smallSymbols(c), ISO_8859_1);
        String kallsyms = Mutations.lines(Mutations.kallsyms(names), random.nextInt(4), random);
        String systemMap = Mutations.lines(Mutations.systemMap(names), random.nextInt(4), random);
        String symvers = Mutations.lines(Mutations.symvers(names), random.nextInt(4), random);
        Path symversFile = random.nextBoolean() ? write("Module.symvers", symvers.getBytes(ISO_8859_1)) : null;
        if (random.nextBoolean()) {
            Path dump = write("kallsyms", maybeCompressed(kallsyms.getBytes(ISO_8859_1), random));
            generate(dump, () -> SymbolsGenerator.fromKallsyms(dump, symversFile));
        } else {
            Path map = write("System.map", maybeCompressed(systemMap.getBytes(ISO_8859_1), random));
            generate(map, () -> new SymbolsGenerator(GeneratorOptions.defaults())
                    .objects(new SymbolsGenerator.KernelInputs(map, null, symversFile)));
        }
    }

    /** A generator run: a typed refusal, or blocks that write a file the symbols parser reads back. */
    private static void generate(Path input, Generation generation) throws IOException {
        List<ObjectSymbols> objects;
        try {
            objects = generation.objects();
        } catch (KlpException e) {
            typed(e, input.getParent().toString()); // the input or the symvers beside it
            return;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        SymbolsGenerator.write(objects, out);
        try {
            SymbolMap.parse(out.toByteArray(), "generated.klp", null);
        } catch (KlpException e) {
            throw new AssertionError("the generator wrote a file its own parser refuses: " + e.getMessage(), e);
        }
    }

    /** A generator entry point. */
    @FunctionalInterface
    private interface Generation {
        List<ObjectSymbols> objects() throws IOException;
    }

    /** A refusal must name the file and be written for people. */
    private static void typed(KlpException e, String file) {
        REFUSED.incrementAndGet();
        String message = e.getMessage();
        if (message == null || !message.contains(file) || message.matches("(?s).*\\bnull\\b.*")
                || message.matches("(?s).*\\b(java|javax|org)\\.[a-z]+\\..*") || message.contains("Exception")) {
            throw new AssertionError("refusal without the file or written for a programmer: " + message, e);
        }
    }

    private static byte[] maybeCompressed(byte[] content, Random random) throws IOException {
        int choice = random.nextInt(12);
        if (choice > 2) {
            return content;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream out = switch (choice) {
            case 0 -> new GzipCompressorOutputStream(bytes);
            case 1 -> new XZCompressorOutputStream(bytes, 0);
            default -> new ZstdCompressorOutputStream(bytes);
        }) {
            out.write(content);
        }
        byte[] compressed = bytes.toByteArray();
        if (random.nextBoolean()) {
            Mutations.bytes(compressed, 1 + random.nextInt(3), random);
        }
        if (random.nextInt(4) == 0) {
            compressed = java.util.Arrays.copyOf(compressed, random.nextInt(compressed.length + 1));
        }
        return compressed;
    }

    private static Path write(String name, byte[] content) throws IOException {
        Path file = temp.resolve(Thread.currentThread().getId() + "-" + name);
        Files.write(file, content);
        return file;
    }

    private static StructuralMutator.Target structural(ConversionCase c) throws Exception {
        StructuralMutator.Target t = TARGETS.get(c.toString());
        if (t == null) {
            t = StructuralMutator.Target.of(c, seed(c), temp, 0x66757a7aL);
            TARGETS.put(c.toString(), t);
        }
        return t;
    }

    /** The case's input without {@code .debug*} sections (and their relocations), or as it is. */
    private static byte[] seed(ConversionCase c) throws IOException {
        byte[] seed = SEEDS.get(c.toString());
        if (seed == null) {
            byte[] input = Files.readAllBytes(c.input());
            try {
                ElfEditor editor = ElfEditor.open(ElfFile.parse(input, c.toString()));
                editor.remove(editor.sections().stream().filter(s -> s.name().startsWith(".debug")).toList());
                seed = editor.write(LayoutPolicy.LIBELF);
            } catch (KlpException e) {
                seed = input;
            }
            SEEDS.put(c.toString(), seed);
        }
        return seed;
    }

    private static void crash(String description) {
        CRASH_COUNT.incrementAndGet();
        String kind = description.replaceFirst(" pick=\\d+ seed=-?\\d+", "").replaceAll("\\d+", "N");
        kind = kind.substring(0, Math.min(kind.length(), 160));
        if (KINDS.computeIfAbsent(kind, k -> new AtomicLong()).getAndIncrement() == 0 && CRASHES.size() < 50) {
            CRASHES.add(description);
            System.out.println("fuzz crash: " + description);
        }
    }

    private static String where(Throwable e) {
        Throwable t = e.getCause() != null ? e.getCause() : e;
        return t.getStackTrace().length == 0 ? "" : " at " + t.getStackTrace()[0];
    }

    private static long allocated() {
        return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean()).getCurrentThreadAllocatedBytes();
    }

    /** A case under way. */
    private record Running(String id, long startMillis) {
    }

    /** Stops the JVM when a case hangs: a looping case cannot be interrupted, only reported. */
    private static void watch() {
        while (true) {
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                return;
            }
            for (Running running : RUNNING.values()) {
                if (System.currentTimeMillis() - running.startMillis() <= HANG_MILLIS) {
                    continue;
                }
                System.out.println("fuzz crash: HANG over " + HANG_MILLIS + " ms: " + running.id());
                Thread.getAllStackTraces().forEach((thread, stack) -> {
                    if (!thread.isDaemon()) {
                        System.out.println(thread.getName() + " " + java.util.Arrays.toString(stack));
                    }
                });
                Runtime.getRuntime().halt(3);
            }
        }
    }
}
