package org.klpconvert.elf.version;

/**
 * The version a dynamic symbol is bound to.
 *
 * @param name the version name, e.g. {@code GLIBC_2.2.5}
 * @param kind defined here (default or hidden) or required from another object
 * @param index the {@code .gnu.version} value ({@code vna_other} for a required version)
 */
public record SymbolVersion(String name, Kind kind, int index) {
    /** How the symbol and the version relate. */
    public enum Kind {
        /** Defined here, the default version ({@code name@@VERSION}). */
        DEFAULT,
        /** Defined here, a non-default version ({@code name@VERSION}). */
        HIDDEN,
        /** Required from another object ({@code name@VERSION}). */
        REQUIRED
    }
}
