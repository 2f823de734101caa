package org.klpconvert.convert.support;

import static java.nio.charset.StandardCharsets.ISO_8859_1;

import java.util.Set;

import org.klpconvert.symbols.SymbolMap;
import org.klpconvert.symbols.SymbolMapFormatException;

/**
 * A small symbols file written line by line, as kbuild would:
 * {@code new SymbolsFile().object("vmlinux", "a", "b").exported("printk").map()}.
 */
public final class SymbolsFile {
    private final StringBuilder text = new StringBuilder("klp-convert-symbol-data.0.1\n");

    /** Starts (or resumes) an object and lists symbol lines under it. */
    public SymbolsFile object(String object, String... symbols) {
        text.append('*').append(object).append('\n');
        return symbols(symbols);
    }

    /** More symbol lines under the current object. */
    public SymbolsFile symbols(String... symbols) {
        for (String s : symbols) {
            text.append(s).append('\n');
        }
        return this;
    }

    /** The same name {@code times} times under the current object. */
    public SymbolsFile repeat(String symbol, int times) {
        for (int i = 0; i < times; i++) {
            text.append(symbol).append('\n');
        }
        return this;
    }

    /** {@code __ksymtab_<name>} lines under the current object: exported names. */
    public SymbolsFile exported(String... names) {
        for (String name : names) {
            text.append("__ksymtab_").append(name).append('\n');
        }
        return this;
    }

    public String text() {
        return text.toString();
    }

    public byte[] bytes() {
        return text().getBytes(ISO_8859_1);
    }

    /** The fully indexed map. */
    public SymbolMap map() {
        return map(null);
    }

    /** The map indexed for {@code wanted} names only ({@code null}: all). */
    public SymbolMap map(Set<String> wanted) {
        try {
            return SymbolMap.parse(bytes(), "symbols.klp", wanted);
        } catch (SymbolMapFormatException e) {
            throw new AssertionError("test symbols file refused: " + e.getMessage(), e);
        }
    }
}
