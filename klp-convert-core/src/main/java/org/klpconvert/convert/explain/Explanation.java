package org.klpconvert.convert.explain;

import java.util.List;

import org.klpconvert.convert.diag.Diagnostic;

/**
 * The explanation of one module's conversion.
 *
 * @param module             the module's name as given
 * @param annotationProblems the C messages of invalid annotations (M20 to M23, then M03): the
 *                           conversion stops there, so no symbol is explained
 * @param symbols            every unresolved symbol referenced by a relocation, in order of
 *                           first use
 */
public record Explanation(String module, List<Diagnostic> annotationProblems, List<SymbolExplanation> symbols) {

    /**
     * Copies the lists.
     *
     * @param module the module's name as given
     * @param annotationProblems the C messages of invalid annotations (M20 to M23, then M03): the conversion stops there, so no symbol is explained
     * @param symbols every unresolved symbol referenced by a relocation, in order of first use
     */
    public Explanation {
        annotationProblems = List.copyOf(annotationProblems);
        symbols = List.copyOf(symbols);
    }

    /** {@return whether the conversion would succeed} */
    public boolean conversionSucceeds() {
        return annotationProblems.isEmpty() && symbols.stream().noneMatch(s -> s.kind().fatal());
    }
}
