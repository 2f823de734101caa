package org.klpconvert.elf.version;

/**
 * One {@code Elf_Vernaux} entry: a version required from a library.
 *
 * @param offset offset of the entry within its section
 * @param name the version name
 * @param hash {@code vna_hash}
 * @param flags {@code vna_flags}
 * @param other {@code vna_other}, the value {@code .gnu.version} uses for this version
 */
public record VersionRequirement(long offset, String name, long hash, int flags, int other) {
}
