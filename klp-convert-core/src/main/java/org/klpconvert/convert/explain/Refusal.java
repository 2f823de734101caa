package org.klpconvert.convert.explain;

/**
 * Why one relocation cannot become a livepatch relocation.
 *
 * @param rule   which rule refuses it
 * @param reason the rule applied to this relocation, in words
 */
public record Refusal(Rule rule, String reason) {

    /** The two rules that refuse a resolved symbol's relocation. */
    public enum Rule {
        /** klp-convert.md 5.4: the relocation section may not carry livepatch relocations (M05). */
        SECTION("section"),
        /** kernel-rules.md 7: the architecture's module loader cannot apply this relocation. */
        RELOCATION_TYPE("relocation-type");

        private final String label;

        Rule(String label) {
            this.label = label;
        }

        /** {@return the name shown to users and used in JSON} */
        public String label() {
            return label;
        }
    }
}
