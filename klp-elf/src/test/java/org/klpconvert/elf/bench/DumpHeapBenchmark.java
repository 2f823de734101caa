package org.klpconvert.elf.bench;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;

import org.klpconvert.elf.ElfFile;
import org.klpconvert.elf.dump.DumpOption;
import org.klpconvert.elf.dump.ReadelfDump;

/**
 * Heap harness (not a unit test): the peak heap a full dump (all nine readelf options) needs
 * for each file given, through the memory-mapped path ({@link ElfFile#map}) and, as the
 * same-run baseline, through the read-whole path ({@link ElfFile#read}), against the file's
 * size. The peak is the largest used heap ({@code totalMemory - freeMemory}) a sampling thread
 * sees every millisecond, after a collection before the run; it includes garbage not yet
 * collected: an upper bound. Run it with a small heap
 * ({@code -Xmx256m}) to see the mapped path dump a file bigger than the heap, which the
 * read-whole path cannot even load. Arguments: the files; see docs/performance.md.
 */
public final class DumpHeapBenchmark {
    private DumpHeapBenchmark() {
    }

    /** Entry point: one line per file and path. */
    public static void main(String[] args) throws Exception {
        System.out.printf("max heap %d MB%n", Runtime.getRuntime().maxMemory() >> 20);
        for (String arg : args) {
            Path file = Path.of(arg);
            long size = Files.size(file);
            long mapped = peakHeap(() -> dump(ElfFile.map(file)));
            report(file, size, "mapped", mapped);
            long whole;
            try {
                whole = peakHeap(() -> dump(ElfFile.read(file)));
                report(file, size, "read whole", whole);
                System.out.printf("  ratio read-whole/mapped heap: %.1fx%n", (double) whole / mapped);
            } catch (OutOfMemoryError e) {
                System.out.printf("  read whole: out of memory (the file does not fit in this heap)%n");
            }
        }
    }

    private interface Run {
        void run() throws IOException;
    }

    private static void dump(ElfFile file) throws IOException {
        ReadelfDump.write(file, EnumSet.allOf(DumpOption.class), Writer.nullWriter());
    }

    private static long peakHeap(Run run) throws IOException {
        Runtime rt = Runtime.getRuntime();
        System.gc();
        long base = rt.totalMemory() - rt.freeMemory();
        long[] peak = {base};
        Thread sampler = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                peak[0] = Math.max(peak[0], rt.totalMemory() - rt.freeMemory());
                try {
                    Thread.sleep(1);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        sampler.setDaemon(true);
        sampler.start();
        long start = System.nanoTime();
        try {
            run.run();
        } finally {
            sampler.interrupt();
        }
        try {
            sampler.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        System.out.printf("  (%d ms, heap before %d MB)%n", (System.nanoTime() - start) / 1_000_000, base >> 20);
        return Math.max(peak[0], rt.totalMemory() - rt.freeMemory());
    }

    private static void report(Path file, long size, String path, long peak) {
        System.out.printf("%s: %d MB file, %s: peak heap %d MB (%.3f of the file size)%n", file, size >> 20, path,
                peak >> 20, (double) peak / size);
    }
}
