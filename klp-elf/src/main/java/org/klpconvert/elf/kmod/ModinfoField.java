package org.klpconvert.elf.kmod;

/**
 * One {@code key=value} string of {@code .modinfo}.
 *
 * @param key the part before the first {@code =} (the whole string if there is none)
 * @param value the part after it ({@code null} if there is no {@code =})
 */
public record ModinfoField(String key, String value) {
}
