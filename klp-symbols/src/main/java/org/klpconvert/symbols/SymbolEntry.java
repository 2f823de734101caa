package org.klpconvert.symbols;

/**
 * One non-exported line of a symbols file.
 *
 * @param object the object it is listed under ({@code vmlinux} or a module name)
 * @param name   the symbol name
 * @param sympos the position that selects this entry: 0 when the name occurs once in the
 *               object, otherwise 1..n in file order (the kernel's and the tool's numbering)
 */
public record SymbolEntry(String object, String name, int sympos) {
}
