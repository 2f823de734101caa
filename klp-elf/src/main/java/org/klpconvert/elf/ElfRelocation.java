package org.klpconvert.elf;

/**
 * One REL or RELA entry as stored, with {@code r_info} split by the file's class. For REL
 * entries {@link #addend()} is 0 and {@link #hasAddend()} false.
 */
public record ElfRelocation(long offset, int symbol, int type, long addend, boolean hasAddend) {
}
