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
 */
final class ParallelScan {
    /** Below this a chunk is not worth a thread. */
    private static final int MIN_CHUNK = 1 << 20;
    private static final LineKind[] KINDS = LineKind.values();

    private ParallelScan() {
    }

    static void scan(byte[] data, int headerEnd, String file, SymbolIndex.NameFilter filter,
            LineHandler<RuntimeException> handler) throws SymbolMapFormatException {
        int from = headerEnd + 1;
        int chunks = (int) Math.max(1, Math.min(Runtime.getRuntime().availableProcessors(),
                (long) (data.length - from) / MIN_CHUNK));
        int[] bounds = bounds(data, from, chunks);
        Kept[] kept = new Kept[chunks];
        Thread[] workers = new Thread[chunks];
        for (int c = 1; c < chunks; c++) {
            int chunk = c;
            kept[c] = new Kept(data, filter);
            workers[c] = new Thread(() -> scanAfterFirstChunk(data, bounds[chunk], bounds[chunk + 1], file,
                    kept[chunk]), "symbols-scan-" + c);
            workers[c].start();
        }
        kept[0] = new Kept(data, filter);
        try {
            SymbolFileFormat.scanRange(data, bounds[0], bounds[1], false, file, kept[0]::line);
        } finally {
            join(workers);
        }
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
