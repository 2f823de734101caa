/**
 * The conversion engine: {@link org.klpconvert.convert.Converter} converts livepatch modules
 * against one {@link org.klpconvert.symbols.SymbolMap}, moving relocations against
 * non-exported symbols into {@code .klp.rela.<object>.<section>} sections and renaming their
 * symbols {@code .klp.sym.<object>.<name>,<sympos>} ({@link org.klpconvert.convert.KlpFormat}).
 * A failed conversion raises {@link org.klpconvert.convert.ConversionException} with the C
 * tool's messages; {@link org.klpconvert.convert.OutputFile} writes a result whole or not at
 * all.
 */
package org.klpconvert.convert;
