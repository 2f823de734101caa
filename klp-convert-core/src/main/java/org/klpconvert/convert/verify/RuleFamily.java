package org.klpconvert.convert.verify;

import org.klpconvert.elf.ElfFormatException;
import org.klpconvert.symbols.SymbolMap;

/** One family of the catalogue (KM, KR, KS, KP, KO): checks one module, adds to the report. */
interface RuleFamily {

    /**
     * What a family may look at.
     *
     * @param symbols the symbols file, or {@code null} when none was given
     */
    record Context(ModuleView module, KernelVersion kernel, SymbolMap symbols, Report report) {
    }

    void check(Context context) throws ElfFormatException;
}
