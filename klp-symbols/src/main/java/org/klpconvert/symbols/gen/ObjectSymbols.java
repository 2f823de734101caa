package org.klpconvert.symbols.gen;

import java.util.List;

/**
 * One object's block of a symbols file: the {@code *object} line and its names, in output order.
 *
 * @param object the object name ({@code vmlinux} or a module name)
 * @param names  the names, sorted byte-wise, equal names in the chosen order
 */
public record ObjectSymbols(String object, List<String> names) {
    /**
     * Copies the names.
     *
     * @param object the object name
     * @param names the names, in output order
     */
    public ObjectSymbols {
        names = List.copyOf(names);
    }
}
