package org.klpconvert.convert.explain;

import java.util.Optional;

/**
 * One relocation against an unresolved symbol.
 *
 * @param section the relocation section, e.g. {@code .rela.text}
 * @param offset  {@code r_offset}
 * @param type    readelf's name of the relocation type
 * @param refusal why it cannot be converted; empty when it can (or when the symbol does not resolve)
 */
public record Use(String section, long offset, String type, Optional<Refusal> refusal) {
}
