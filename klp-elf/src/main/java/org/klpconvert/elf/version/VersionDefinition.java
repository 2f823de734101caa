package org.klpconvert.elf.version;

import java.util.List;

/**
 * One {@code Elf_Verdef} entry of {@code .gnu.version_d}.
 *
 * @param offset offset of the entry within its section
 * @param revision {@code vd_version}
 * @param flags {@code vd_flags} ({@link #VER_FLG_BASE}, {@link #VER_FLG_WEAK}, ...)
 * @param index {@code vd_ndx}, the value {@code .gnu.version} uses for this version
 * @param count {@code vd_cnt}, the number of names
 * @param names the names: this version's first, then its parents'
 */
public record VersionDefinition(long offset, int revision, int flags, int index, int count, List<VersionName> names) {
    /** The definition of the object itself. */
    public static final int VER_FLG_BASE = 1;
    /** A weak version. */
    public static final int VER_FLG_WEAK = 2;
    /** Informational only. */
    public static final int VER_FLG_INFO = 4;

    /**
     * Defensive copy of the names.
     *
     * @param offset offset of the entry within its section
     * @param revision {@code vd_version}
     * @param flags {@code vd_flags} ({@link #VER_FLG_BASE}, {@link #VER_FLG_WEAK}, ...)
     * @param index {@code vd_ndx}, the value {@code .gnu.version} uses for this version
     * @param count {@code vd_cnt}, the number of names
     * @param names the names: this version's first, then its parents'
     */
    public VersionDefinition {
        names = List.copyOf(names);
    }

    /** {@return the version's own name, or empty if it has no names} */
    public String name() {
        return names.isEmpty() ? "" : names.get(0).name();
    }
}
