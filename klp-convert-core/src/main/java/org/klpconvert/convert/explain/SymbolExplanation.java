package org.klpconvert.convert.explain;

import java.util.List;
import java.util.Optional;

import org.klpconvert.convert.KlpFormat;
import org.klpconvert.convert.annotation.Annotation;
import org.klpconvert.convert.resolve.Resolution;

/**
 * What the conversion does with one unresolved symbol, and why.
 *
 * @param name         the symbol's ELF name
 * @param kind         the outcome
 * @param resolution   what the symbols file and annotations decide; empty for an exported name
 * @param annotation   the annotation record for this name, if any: the one used, contradicted,
 *                     or (for an exported name, B12) ignored
 * @param closestNames for a missing name, the closest names of the symbols file
 * @param uses         every relocation against the symbol, in section and relocation order
 */
public record SymbolExplanation(String name, Kind kind, Optional<Resolution> resolution,
        Optional<Annotation> annotation, List<String> closestNames, List<Use> uses) {

    /**
     * Copies the lists.
     *
     * @param name the symbol's ELF name
     * @param kind the outcome
     * @param resolution what the symbols file and annotations decide; empty for an exported name
     * @param annotation the annotation record for this name, if any: the one used, contradicted, or (for an exported name, B12) ignored
     * @param closestNames for a missing name, the closest names of the symbols file
     * @param uses every relocation against the symbol, in section and relocation order
     */
    public SymbolExplanation {
        closestNames = List.copyOf(closestNames);
        uses = List.copyOf(uses);
    }

    /** {@return the object and position the symbol resolves to (also when a relocation is refused)} */
    public Optional<Resolution.Target> target() {
        return resolution.flatMap(Resolution::target);
    }

    /** {@return the livepatch symbol name it becomes, {@code .klp.sym.<object>.<name>,<pos>}, when it resolves} */
    public Optional<String> klpName() {
        return target().map(t -> KlpFormat.symbolName(t.object(), name, t.pos()));
    }
}
