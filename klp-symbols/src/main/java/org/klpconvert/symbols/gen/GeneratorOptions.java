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

    /**
     * Checks that there is at least one thread.
     *
     * @param vmlinuxOrder the order of equal names in vmlinux
     * @param rawObjectNames whether module names are kept as the file names give them
     * @param threads worker threads reading modules (at least 1)
     * @param listener progress callback
     */
    public GeneratorOptions {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1: " + threads);
        }
    }

    /** {@return address order, normalised names, one thread per processor, no listener} */
    public static GeneratorOptions defaults() {
        return new GeneratorOptions(DuplicateOrder.ADDRESS, false, Runtime.getRuntime().availableProcessors(),
                GenerationListener.NONE);
    }

    /** {@return the options that reproduce upstream kbuild's file byte for byte (nm order, raw names)} */
    public static GeneratorOptions upstream() {
        return defaults().withVmlinuxOrder(DuplicateOrder.SYMTAB).withRawObjectNames(true);
    }

    /**
     * {@return these options with another duplicate order for vmlinux}
     *
     * @param order the order of equal names in vmlinux
     */
    public GeneratorOptions withVmlinuxOrder(DuplicateOrder order) {
        return new GeneratorOptions(order, rawObjectNames, threads, listener);
    }

    /**
     * {@return these options with raw (unnormalised) object names or not}
     *
     * @param raw whether module names are kept as the file names give them
     */
    public GeneratorOptions withRawObjectNames(boolean raw) {
        return new GeneratorOptions(vmlinuxOrder, raw, threads, listener);
    }

    /**
     * {@return these options with another number of worker threads}
     *
     * @param count worker threads (at least 1)
     */
    public GeneratorOptions withThreads(int count) {
        return new GeneratorOptions(vmlinuxOrder, rawObjectNames, count, listener);
    }

    /**
     * {@return these options with another progress callback}
     *
     * @param l progress callback
     */
    public GeneratorOptions withListener(GenerationListener l) {
        return new GeneratorOptions(vmlinuxOrder, rawObjectNames, threads, l);
    }
}
