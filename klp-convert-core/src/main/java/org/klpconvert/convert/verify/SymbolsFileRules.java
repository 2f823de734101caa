package org.klpconvert.convert.verify;

import org.klpconvert.elf.Elf;
import org.klpconvert.elf.ElfSymbol;
import org.klpconvert.symbols.SymbolMap;

/**
 * KP1-KP2: every klp symbol against the symbols file, counted the way
 * {@code klp_find_object_symbol} counts (kernel-rules.md section 3.3). Runs only when a
 * symbols file is given.
 */
final class SymbolsFileRules implements RuleFamily {

    @Override
    public void check(Context c) {
        SymbolMap map = c.symbols();
        if (map == null) {
            return;
        }
        for (ElfSymbol sym : c.module().symbols) {
            if (sym.shndx() != Elf.SHN_LIVEPATCH) {
                continue;
            }
            KlpNames.SymbolName name = KlpNames.symbol(sym.name(), c.kernel().maxSymbolNameLength());
            if (!name.ok()) {
                continue; // KS2
            }
            kp1Sympos(c, sym, name, map.count(name.object(), name.name()));
            if (map.exported(name.name())) {
                c.report().add(Rule.KP2, ModuleView.place(sym), "'" + name.name()
                        + "' is exported: a normal relocation would also work");
            }
        }
    }

    private static void kp1Sympos(Context c, ElfSymbol sym, KlpNames.SymbolName name, int count) {
        String place = ModuleView.place(sym);
        String where = " in object '" + name.object() + "'";
        if (count == 0) {
            c.report().add(Rule.KP1, place, "'" + name.name() + "' is not listed" + where + " of the symbols file",
                    "livepatch: symbol '" + name.name() + "' not found in symbol table");
        } else if (name.pos() == 0 && count > 1) {
            c.report().add(Rule.KP1, place, "sympos 0 needs a unique name, but '" + name.name() + "' occurs "
                    + count + " times" + where, "livepatch: unresolvable ambiguity for symbol '" + name.name()
                    + "' in object '" + name.object() + "'");
        } else if (Long.compareUnsigned(name.pos(), count) > 0) {
            c.report().add(Rule.KP1, place, "sympos " + Long.toUnsignedString(name.pos()) + ", but '" + name.name()
                    + "' occurs only " + count + " time" + (count == 1 ? "" : "s") + where,
                    "livepatch: symbol position " + Long.toUnsignedString(name.pos()) + " for symbol '"
                            + name.name() + "' in object '" + name.object() + "' not found");
        }
    }
}
