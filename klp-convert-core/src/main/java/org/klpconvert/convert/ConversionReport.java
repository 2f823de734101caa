package org.klpconvert.convert;

import java.util.List;

import org.klpconvert.convert.diag.Diagnostic;

/**
 * What a conversion did.
 *
 * @param module      the module's name as given
 * @param symbols     converted symbols in symbol-table order
 * @param newSections names of the livepatch relocation sections created, in section order
 * @param moved       number of relocations moved into livepatch sections
 * @param warnings    findings that did not stop the conversion
 */
public record ConversionReport(String module, List<ConvertedSymbol> symbols, List<String> newSections, int moved,
        List<Diagnostic> warnings) {

    /**
     * Copies the lists.
     *
     * @param module the module's name as given
     * @param symbols converted symbols in symbol-table order
     * @param newSections names of the livepatch relocation sections created
     * @param moved number of relocations moved
     * @param warnings findings that did not stop the conversion
     */
    public ConversionReport {
        symbols = List.copyOf(symbols);
        newSections = List.copyOf(newSections);
        warnings = List.copyOf(warnings);
    }
}
