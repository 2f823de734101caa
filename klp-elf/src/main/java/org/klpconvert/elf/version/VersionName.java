package org.klpconvert.elf.version;

/**
 * One auxiliary entry of a version definition: a name, the first the definition's own, the
 * others the versions it inherits from.
 *
 * @param offset offset of the entry within its section
 * @param name the version name
 */
public record VersionName(long offset, String name) {
}
