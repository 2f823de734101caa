package org.klpconvert.symbols.gen;

/**
 * How the copies of one name are ordered within vmlinux (klp-convert.md §3.4). Names are
 * always sorted byte-wise; this decides only the order of equal names.
 */
public enum DuplicateOrder {
    /**
     * Ascending address ({@code st_value}), ties in symbol-table order: the order of
     * {@code /proc/kallsyms}, in which the kernel counts sympos. The k-th line of a name is the
     * copy that sympos k binds. The default.
     */
    ADDRESS,
    /**
     * Symbol-table order, which is what GNU nm's name sort leaves for equal names: byte-matches
     * the upstream kbuild file, whose k-th line may name a different copy than sympos k.
     */
    SYMTAB
}
