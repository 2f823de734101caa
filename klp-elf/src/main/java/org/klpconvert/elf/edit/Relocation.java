package org.klpconvert.elf.edit;

/**
 * One relocation entry. The symbol is a handle (null for symbol index 0); its index is
 * computed when the object is written. {@code addend} is kept at full width and is ignored
 * for REL sections.
 */
public record Relocation(long offset, int type, Symbol symbol, long addend) {
}
