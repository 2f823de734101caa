package org.klpconvert.convert;

/**
 * A symbol the conversion turned into a livepatch symbol.
 *
 * @param name        the original ELF name
 * @param object      {@code vmlinux} or the module that defines it
 * @param pos         its sympos (0: unique in the object)
 * @param klpName     the new name, {@code .klp.sym.<object>.<name>,<pos>}
 * @param annotated   whether a {@code KLP_SYMPOS} annotation chose object and position
 * @param relocations how many relocations against it were moved
 */
public record ConvertedSymbol(String name, String object, long pos, String klpName, boolean annotated,
        int relocations) {
}
