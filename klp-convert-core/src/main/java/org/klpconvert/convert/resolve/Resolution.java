package org.klpconvert.convert.resolve;

import java.util.List;
import java.util.Optional;

import org.klpconvert.convert.annotation.Annotation;
import org.klpconvert.symbols.SymbolEntry;

/**
 * The decision for one unresolved, non-exported name (klp-convert.md 5.3): an object and a
 * position, or the reason there is none.
 */
public sealed interface Resolution
        permits Resolution.Unique, Resolution.Annotated, Resolution.Ambiguous, Resolution.BadAnnotation,
        Resolution.Missing {

    /** {@return the object and position the symbol becomes, when the name resolves} */
    Optional<Target> target();

    /** Exactly one non-exported entry of that name in the whole file: position 0 in its object. */
    record Unique(String object) implements Resolution {
        @Override
        public Optional<Target> target() {
            return Optional.of(new Target(object, 0, false));
        }
    }

    /** A {@code KLP_SYMPOS} annotation names the object and position, and the file agrees. */
    record Annotated(Annotation annotation) implements Resolution {
        @Override
        public Optional<Target> target() {
            return Optional.of(new Target(annotation.object(), annotation.pos(), true));
        }
    }

    /**
     * No annotation, and the name occurs more than once in the file (M30).
     *
     * @param candidates every entry of that name, in file order, with the position that selects it
     */
    record Ambiguous(List<SymbolEntry> candidates) implements Resolution {
        /**
         * Copies the list.
         *
         * @param candidates every entry of that name, in file order, with the position that selects it
         */
        public Ambiguous {
            candidates = List.copyOf(candidates);
        }

        @Override
        public Optional<Target> target() {
            return Optional.empty();
        }
    }

    /**
     * An annotation the file contradicts: position 0 for a name that is not unique in its object
     * (M31), or a position beyond the number of copies (M32).
     *
     * @param annotation the record that decided the name
     * @param count      how many entries of that name its object has
     * @param candidates every entry of that name, in file order
     */
    record BadAnnotation(Annotation annotation, int count, List<SymbolEntry> candidates) implements Resolution {
        /**
         * Copies the list.
         *
         * @param annotation the record that decided the name
         * @param count how many entries of that name its object has
         * @param candidates every entry of that name, in file order
         */
        public BadAnnotation {
            candidates = List.copyOf(candidates);
        }

        /** {@return whether it is the position-0 case (M31) rather than the too-large position (M32)} */
        public boolean zeroOnDuplicate() {
            return annotation.pos() == 0;
        }

        @Override
        public Optional<Target> target() {
            return Optional.empty();
        }
    }

    /** Neither an annotation nor any non-exported entry of that name. */
    record Missing() implements Resolution {
        @Override
        public Optional<Target> target() {
            return Optional.empty();
        }
    }

    /**
     * Where a symbol goes.
     *
     * @param object    {@code vmlinux} or a module name
     * @param pos       the sympos, an unsigned 32-bit value
     * @param annotated whether an annotation chose it
     */
    record Target(String object, long pos, boolean annotated) {
    }
}
