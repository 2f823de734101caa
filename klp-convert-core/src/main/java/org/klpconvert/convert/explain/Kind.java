package org.klpconvert.convert.explain;

/** What the conversion does with one unresolved symbol. */
public enum Kind {
    /** Exported by some object: stays a normal relocation, resolved by the module loader. */
    EXPORTED("exported", false),
    /** The only non-exported symbol of that name: becomes {@code .klp.sym.<object>.<name>,0}. */
    UNIQUE("unique", false),
    /** A {@code KLP_SYMPOS} annotation chose object and position, and the symbols file agrees. */
    ANNOTATED("annotated", false),
    /** Several symbols of that name and no annotation: the author must pick one (M30). */
    AMBIGUOUS("ambiguous", true),
    /** An annotation the symbols file contradicts (M31, M32). */
    BAD_ANNOTATION("annotation-mismatch", true),
    /** Not in the symbols file at all (M04 alone). */
    MISSING("missing", true),
    /** Resolves, but a relocation against it cannot become a livepatch relocation (M05 or a type refusal). */
    REFUSED("refused", true);

    private final String label;
    private final boolean fatal;

    Kind(String label, boolean fatal) {
        this.label = label;
        this.fatal = fatal;
    }

    /** {@return the name shown to users and used in JSON} */
    public String label() {
        return label;
    }

    /** {@return whether a symbol of this kind makes the conversion fail} */
    public boolean fatal() {
        return fatal;
    }
}
