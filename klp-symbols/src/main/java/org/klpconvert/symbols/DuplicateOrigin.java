package org.klpconvert.symbols;

import java.util.Arrays;
import java.util.Optional;

/**
 * What a symbols file says about the order of equal names within an object, and so whether
 * the k-th line of a name is the copy the kernel's sympos k binds (klp-convert.md 3.4).
 *
 * <p>The C tool reads only the first 27 bytes of the first line, so a generator may state
 * the order after them: {@code klp-convert-symbol-data.0.1 order=kallsyms}. A file without
 * the statement (kbuild's, or one generated with nm's order) leaves it open.
 */
public enum DuplicateOrigin {
    /** Taken from {@code /proc/kallsyms}: the kernel's own order. */
    KALLSYMS("kallsyms", true),
    /** vmlinux names sorted by address (the kallsyms order), modules in symbol-table order. */
    ADDRESS("address", true),
    /** Not stated: nm's name sort leaves equal names in link order, which may differ from kallsyms. */
    UNSTATED("", false);

    private static final String KEY = " order=";

    private final String word;
    private final boolean kernelOrder;

    DuplicateOrigin(String word, boolean kernelOrder) {
        this.word = word;
        this.kernelOrder = kernelOrder;
    }

    /** {@return the name used in the header and in reports; empty for {@link #UNSTATED}} */
    public String word() {
        return word;
    }

    /** {@return whether the k-th line of a name is guaranteed to be the copy sympos k binds} */
    public boolean kernelOrder() {
        return kernelOrder;
    }

    /** {@return the first line of a file with this order} */
    public String headerLine() {
        return this == UNSTATED ? SymbolFileFormat.HEADER : SymbolFileFormat.HEADER + KEY + word;
    }

    /**
     * {@return the order a file's first line states}
     *
     * @param headerLine the symbols file's first line
     */
    public static DuplicateOrigin ofHeader(String headerLine) {
        String rest = headerLine.startsWith(SymbolFileFormat.HEADER)
                ? headerLine.substring(SymbolFileFormat.HEADER.length()) : "";
        Optional<DuplicateOrigin> stated = Arrays.stream(values())
                .filter(o -> o != UNSTATED && rest.equals(KEY + o.word)).findFirst();
        return stated.orElse(UNSTATED);
    }
}
