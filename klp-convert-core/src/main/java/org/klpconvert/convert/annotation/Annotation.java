package org.klpconvert.convert.annotation;

/**
 * One {@code KLP_SYMPOS(symbol, pos)} record of a {@code KLP_MODULE_RELOC(object)} array.
 *
 * @param object the object named by the section, {@code .klp.module_relocs.<object>}
 * @param symbol the ELF name of the symbol the record's relocation refers to
 * @param pos    the position, an unsigned 32-bit value (klp-convert.md D6)
 * @param order  load order (section index order, then record order); later records win
 */
public record Annotation(String object, String symbol, long pos, int order) {
}
