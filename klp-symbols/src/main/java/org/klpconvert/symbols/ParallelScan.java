package org.klpconvert.symbols;

import java.util.Arrays;

import org.klpconvert.symbols.SymbolFileFormat.LineHandler;
import org.klpconvert.symbols.SymbolFileFormat.LineKind;

/**
 * The scan behind {@link SymbolMap#load(java.nio.file.Path, java.util.Set)}: the file is cut
 * into newline-aligned chunks scanned on as many threads as there are processors, each
 * keeping only object lines and the lines the filter accepts; those few are then handed on
 * in file order. Scanning the bytes is the whole cost of the kbuild path's symbols load, so
 * splitting it across cores is what shortens it.
 *
 * <p>A worker that fails must fail the scan: otherwise its chunk would be replayed half done
 * and the index would silently lack names. So each worker's throwable is kept and rethrown
 * by the calling thread once all workers have ended.
 */
final class ParallelScan {
    /** Below this a chunk is not worth a thread. */
    private static final int MIN_CHUNK = 1 << 20;
    private static final LineKind[] KINDS = LineKind.values();

    private ParallelScan() {
    }

    static void scan(byte[] data, int headerEnd, String file, SymbolIndex.NameFilter filter,
            LineHandler<RuntimeException> handler) throws SymbolMapFormatException {
        scan(data, headerEnd, file, filter, handler, Runtime.getRuntime().availableProcessors());
    }

    /** The scan on at most {@code threads} threads, the caller's included. */
    static void scan(byte[] data, int headerEnd, String file, SymbolIndex.NameFilter filter,
            LineHandler<RuntimeException> handler, int threads) throws SymbolMapFormatException {
        int from = headerEnd + 1;
        int chunks = (int) Math.max(1, Math.min(threads, (long) (data.length - from) / MIN_CHUNK));
        int[] bounds = bounds(data, from, chunks);
        Kept[] kept = new Kept[chunks];
        Thread[] workers = new Thread[chunks];
        // written by worker c only, read after join (which orders the write before the read)
        Throwable[] failures = new Throwable[chunks];
        for (int c = 1; c < chunks; c++) {
            int chunk = c;
            kept[c] = new Kept(data, filter);
            workers[c] = new Thread(() -> {
                try {
                    scanAfterFirstChunk(data, bounds[chunk], bounds[chunk + 1], file, kept[chunk]);
                } catch (Throwable t) { // every failure, Errors included, goes to the caller
                    failures[chunk] = t;
                }
            }, "symbols-scan-" + c);
            workers[c].start();
        }
        kept[0] = new Kept(data, filter);
        try {
            SymbolFileFormat.scanRange(data, bounds[0], bounds[1], false, file, kept[0]::line);
        } catch (SymbolMapFormatException | RuntimeException | Error e) {
            // the first chunk's own failure wins; the workers' ride along as suppressed
            join(workers);
            for (Throwable t : failures) {
                if (t != null) {
                    e.addSuppressed(t);
                }
            }
            throw e;
        }
        join(workers);
        rethrowFirst(failures);
        for (Kept k : kept) {
            k.replay(handler);
        }
    }

    /**
     * Only the first chunk can hold a symbol line before any object line, the one error a
     * scan can find; the first chunk decides, so later chunks scan as inside an object.
     */
    private static void scanAfterFirstChunk(byte[] data, int from, int to, String file, Kept kept) {
        try {
            SymbolFileFormat.scanRange(data, from, to, true, file, kept::line);
        } catch (SymbolMapFormatException e) {
            throw new IllegalStateException("a scan inside an object cannot fail", e);
        }
    }

    /** Throws the first recorded failure as it is, the later ones attached as suppressed. */
    private static void rethrowFirst(Throwable[] failures) {
        Throwable first = null;
        for (Throwable t : failures) {
            if (t == null) {
                continue;
            }
            if (first == null) {
                first = t;
            } else {
                first.addSuppressed(t);
            }
        }
        if (first instanceof RuntimeException e) {
            throw e;
        }
        if (first instanceof Error e) {
            throw e;
        }
        if (first != null) { // a checked exception thrown sneakily: still a failed scan
            throw new IllegalStateException("symbols scan failed", first);
        }
    }

    /** Chunk boundaries: each after a newline, the first at {@code from}, the last at the end. */
    private static int[] bounds(byte[] data, int from, int chunks) {
        int[] bounds = new int[chunks + 1];
        bounds[0] = from;
        for (int c = 1; c < chunks; c++) {
            int at = Math.max(bounds[c - 1], from + (int) ((long) (data.length - from) * c / chunks));
            while (at < data.length && data[at - 1] != '\n') {
                at++;
            }
            bounds[c] = at;
        }
        bounds[chunks] = data.length;
        return bounds;
    }

    private static void join(Thread[] workers) {
        for (Thread t : workers) {
            if (t == null) {
                continue;
            }
            boolean interrupted = false;
            while (t.isAlive()) {
                try {
                    t.join();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** The lines of one chunk that matter: object lines and accepted names, as offsets. */
    private static final class Kept {
        private final byte[] data;
        private final SymbolIndex.NameFilter filter;
        private int[] lines = new int[64];
        private int size;

        Kept(byte[] data, SymbolIndex.NameFilter filter) {
            this.data = data;
            this.filter = filter;
        }

        void line(LineKind kind, int start, int nameEnd, int end) {
            if (kind != LineKind.OBJECT && !filter.accepts(data, start, nameEnd)) {
                return;
            }
            if (size + 4 > lines.length) {
                lines = Arrays.copyOf(lines, lines.length * 2);
            }
            lines[size++] = kind.ordinal();
            lines[size++] = start;
            lines[size++] = nameEnd;
            lines[size++] = end;
        }

        void replay(LineHandler<RuntimeException> handler) {
            for (int i = 0; i < size; i += 4) {
                handler.line(KINDS[lines[i]], lines[i + 1], lines[i + 2], lines[i + 3]);
            }
        }
    }
}
