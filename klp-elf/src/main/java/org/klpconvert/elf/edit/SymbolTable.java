package org.klpconvert.elf.edit;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Predicate;

/**
 * The symbols of a {@code SHT_SYMTAB} section in table order, index 0 included. Order is
 * never changed by the editor: removing a symbol closes the gap, nothing is re-sorted.
 */
public final class SymbolTable implements SectionContent {
    private final List<Symbol> symbols;

    /**
     * A symbol table with these entries, index 0 included.
     *
     * @param symbols the entries, in order
     */
    public SymbolTable(List<Symbol> symbols) {
        this.symbols = new ArrayList<>(symbols);
    }

    /** {@return a read-only view in table order} */
    public List<Symbol> symbols() {
        return Collections.unmodifiableList(symbols);
    }

    /** {@return the number of entries} */
    public int count() {
        return symbols.size();
    }

    /**
     * Appends a symbol.
     *
     * @param symbol the symbol to append
     */
    public void add(Symbol symbol) {
        symbols.add(symbol);
    }

    boolean removeIf(Predicate<Symbol> filter) {
        return symbols.removeIf(filter);
    }

    /** {@return the number of {@code STB_LOCAL} symbols: what klp-convert writes as {@code sh_info}} */
    public int localCount() {
        int n = 0;
        for (Symbol s : symbols) {
            if (s.bind() == org.klpconvert.elf.Elf.STB_LOCAL) {
                n++;
            }
        }
        return n;
    }

    @Override
    public long size(ObjectShape shape) {
        return (long) symbols.size() * shape.symbolSize();
    }
}
