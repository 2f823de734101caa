package org.klpconvert.elf.reloc;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Looks up the constant of one relocation-type enum by its {@code r_type} value. */
final class CodeIndex<T extends RelocationType> {
    private final Map<Integer, T> byCode = new HashMap<>();

    CodeIndex(T[] types) {
        for (T type : types) {
            if (byCode.put(type.code(), type) != null) {
                throw new IllegalStateException("two relocation types with code " + type.code());
            }
        }
    }

    Optional<T> find(int code) {
        return Optional.ofNullable(byCode.get(code));
    }
}
