/**
 * Generating a symbols file: from vmlinux (ELF or {@code System.map}) and a module tree with
 * GNU nm's selection rules ({@link org.klpconvert.symbols.gen.SymbolsGenerator}), or from a
 * {@code /proc/kallsyms} dump ({@link org.klpconvert.symbols.gen.Kallsyms}). Equal names are
 * listed in the order the kernel counts sympos in, unless nm's order is asked for
 * ({@link org.klpconvert.symbols.gen.DuplicateOrder}).
 */
package org.klpconvert.symbols.gen;
