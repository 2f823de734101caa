package org.klpconvert.symbols.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.klpconvert.symbols.SymbolMap;
import org.klpconvert.symbols.gen.GeneratorOptions;
import org.klpconvert.symbols.gen.ModuleFiles;
import org.klpconvert.symbols.gen.ObjectSymbols;
import org.klpconvert.symbols.gen.SymbolsGenerator;

/**
 * Speed harness (not a unit test), see klp-symbols/README.md. In one run it
 * <ol>
 * <li>generates the module part of a symbols file from a Debian module tree and times it next
 * to the kbuild-style pipeline {@code nm -f posix FILE | cut -d' ' -f1} over the same files;</li>
 * <li>writes a full-size file (vmlinux names from a {@code /proc/kallsyms} dump when readable,
 * then the modules) and times loading it, reporting the heap the loaded map holds.</li>
 * </ol>
 * Arguments: {@code [module-tree [kallsyms]]}; defaults: the newest
 * {@code /lib/modules/<ver>/kernel} and {@code /proc/kallsyms}. {@code --load FILE} only times
 * loading a given file (run it with {@code -Xmx300m} to check the heap bound).
 */
public final class SymbolsBenchmark {

    private SymbolsBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 2 && args[0].equals("--load")) {
            measureLoad(Path.of(args[1]));
            return;
        }
        Path tree = args.length > 0 ? Path.of(args[0]) : newestModuleTree();
        Path kallsyms = Path.of(args.length > 1 ? args[1] : "/proc/kallsyms");
        Path work = Files.createTempDirectory("klp-symbols-bench");
        List<Path> modules = ModuleFiles.find(tree);
        System.out.printf("modules: %d under %s, %d processors%n", modules.size(), tree,
                Runtime.getRuntime().availableProcessors());

        SymbolsGenerator generator = new SymbolsGenerator(GeneratorOptions.defaults());
        SymbolsGenerator.KernelInputs inputs = new SymbolsGenerator.KernelInputs(null, tree, null);
        long start = System.nanoTime();
        generator.objects(inputs);
        System.out.printf("generation (Java, first run in this JVM): %.2f s%n", seconds(start));
        start = System.nanoTime();
        List<ObjectSymbols> moduleBlocks = generator.objects(inputs);
        double javaSeconds = seconds(start);
        System.out.printf("generation (Java, warm): %.2f s, %d objects%n", javaSeconds, moduleBlocks.size());

        double nmSeconds = nmPipeline(modules, work);
        System.out.printf("nm pipeline (nm -f posix | cut, sort): %.2f s%n", nmSeconds);
        System.out.printf("ratio nm/Java: %.1fx%n", nmSeconds / javaSeconds);

        List<ObjectSymbols> all = new ArrayList<>();
        if (Files.isReadable(kallsyms)) {
            all.addAll(SymbolsGenerator.fromKallsyms(kallsyms, null).stream()
                    .filter(o -> o.object().equals("vmlinux")).toList());
        }
        all.addAll(moduleBlocks);
        Path file = work.resolve("symbols.klp");
        try (OutputStream out = Files.newOutputStream(file)) {
            SymbolsGenerator.write(all, out);
        }
        long lines = all.stream().mapToLong(o -> 1 + o.names().size()).sum() + 1;
        System.out.printf("symbols file: %d lines, %.1f MB%n", lines, Files.size(file) / 1e6);
        System.out.println("file kept at " + file);
        measureLoad(file);
    }

    private static void measureLoad(Path file) throws IOException {
        long before = usedHeap();
        long t = System.nanoTime();
        SymbolMap map = SymbolMap.load(file);
        double first = seconds(t);
        long held = usedHeap() - before;
        System.out.printf("load, first in this JVM: %.3f s%n", first);
        System.out.printf("heap held by the loaded map: %.1f MB (%d entries, %d exports, %d objects)%n",
                held / 1e6, map.entryCount(), map.exportedCount(), map.objects().size());
        double best = Double.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            t = System.nanoTime();
            SymbolMap.load(file);
            best = Math.min(best, seconds(t));
        }
        System.out.printf("load, best of 5 warm: %.3f s%n", best);
        t = System.nanoTime();
        SymbolMap.load(file, Set.of("saved_command_line", "c_start", "wsm"));
        System.out.printf("load with 3 wanted names: %.3f s%n", seconds(t));
    }

    private static double nmPipeline(List<Path> modules, Path work) throws IOException, InterruptedException {
        Path list = Files.write(work.resolve("modules.list"), modules.stream().map(Path::toString).toList());
        String script = "while read -r f; do b=${f##*/}; echo \"*${b%.ko}\"; nm -f posix \"$f\" | cut -d' ' -f1; "
                + "done < " + list + " | sort > " + work.resolve("nm.out");
        ProcessBuilder builder = new ProcessBuilder("sh", "-c", script).inheritIO();
        builder.environment().put("LC_ALL", "C");
        long start = System.nanoTime();
        int status = builder.start().waitFor();
        if (status != 0) {
            throw new IOException("nm pipeline exited with " + status);
        }
        return seconds(start);
    }

    private static Path newestModuleTree() throws IOException {
        try (var versions = Files.list(Path.of("/lib/modules"))) {
            return versions.map(v -> v.resolve("kernel")).filter(Files::isDirectory).sorted()
                    .reduce((a, b) -> b).orElseThrow(() -> new IOException("no /lib/modules/*/kernel"));
        }
    }

    private static long usedHeap() {
        Runtime runtime = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return runtime.totalMemory() - runtime.freeMemory();
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
