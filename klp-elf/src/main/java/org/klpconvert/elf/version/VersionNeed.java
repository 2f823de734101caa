package org.klpconvert.elf.version;

import java.util.List;

/**
 * One {@code Elf_Verneed} entry of {@code .gnu.version_r}: the versions needed from one library.
 *
 * @param offset offset of the entry within its section
 * @param version {@code vn_version}
 * @param file the library's name
 * @param count {@code vn_cnt}
 * @param requirements the versions needed from it
 */
public record VersionNeed(long offset, int version, String file, int count, List<VersionRequirement> requirements) {
    /**
     * Defensive copy of the requirements.
     *
     * @param offset offset of the entry within its section
     * @param version {@code vn_version}
     * @param file the library's name
     * @param count {@code vn_cnt}
     * @param requirements the versions needed from it
     */
    public VersionNeed {
        requirements = List.copyOf(requirements);
    }
}
