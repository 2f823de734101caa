/**
 * The symbols file of klp-convert ({@code symbols.klp}): {@link org.klpconvert.symbols.SymbolMap}
 * reads and indexes it exactly as the v7 C tool accepts it, {@link
 * org.klpconvert.symbols.SymbolFileWriter} writes it, and {@link
 * org.klpconvert.symbols.CandidateListing} renders the "Valid KLP_SYMPOS" listing. Generation
 * from kernel objects lives in {@code org.klpconvert.symbols.gen}.
 */
package org.klpconvert.symbols;
