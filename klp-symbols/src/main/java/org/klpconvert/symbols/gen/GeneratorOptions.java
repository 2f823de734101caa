package org.klpconvert.symbols.gen;

/**
 * Options of {@link SymbolsGenerator}.
 *
 * @param vmlinuxOrder   order of equal names in vmlinux; modules always keep symbol-table
 *                       order, which is the order the kernel counts a module's sympos in
 * @param rawObjectNames keep module basenames as they are ({@code kvm-intel}) instead of
 *                       normalising {@code -} to {@code _}; byte-matches upstream kbuild
 * @param threads        worker threads reading modules (at least 1)
 * @param listener       progress callback
 */
public record GeneratorOptions(DuplicateOrder vmlinuxOrder, boolean rawObjectNames, int threads,
        GenerationListener listener) {

    public GeneratorOptions {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1: " + threads);
        }
    }

    /** Address order, normalised names, one thread per processor, no listener. */
    public static GeneratorOptions defaults() {
        return new GeneratorOptions(DuplicateOrder.ADDRESS, false, Runtime.getRuntime().availableProcessors(),
                GenerationListener.NONE);
    }

    /** The options that reproduce upstream kbuild's file byte for byte (nm order, raw names). */
    public static GeneratorOptions upstream() {
        return defaults().withVmlinuxOrder(DuplicateOrder.SYMTAB).withRawObjectNames(true);
    }

    public GeneratorOptions withVmlinuxOrder(DuplicateOrder order) {
        return new GeneratorOptions(order, rawObjectNames, threads, listener);
    }

    public GeneratorOptions withRawObjectNames(boolean raw) {
        return new GeneratorOptions(vmlinuxOrder, raw, threads, listener);
    }

    public GeneratorOptions withThreads(int count) {
        return new GeneratorOptions(vmlinuxOrder, rawObjectNames, count, listener);
    }

    public GeneratorOptions withListener(GenerationListener l) {
        return new GeneratorOptions(vmlinuxOrder, rawObjectNames, threads, l);
    }
}
