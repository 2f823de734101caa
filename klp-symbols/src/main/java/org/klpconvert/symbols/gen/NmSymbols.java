package org.klpconvert.symbols.gen;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.klpconvert.elf.Elf;
import org.klpconvert.elf.ElfFile;
import org.klpconvert.elf.ElfFormatException;
import org.klpconvert.elf.ElfSymbol;
import org.klpconvert.symbols.SymbolFileFormat;

/**
 * The names GNU nm 2.40 prints for an ELF object with {@code nm -f posix} (klp-convert.md §3.3):
 * every {@code .symtab} entry except index 0, section and file symbols, and the ARM/AArch64
 * mapping symbols; undefined, weak, absolute and common symbols included. Sorted byte-wise
 * (what {@code LC_ALL=C} gives), equal names in symbol-table order like nm's stable sort, or
 * by address.
 */
public final class NmSymbols {

    private static final int EM_ARM = 40;

    private NmSymbols() {
    }

    /**
     * {@return the symbols nm lists, in symbol-table order}
     *
     * @param file the object
     * @throws ElfFormatException if the object is malformed
     */
    public static List<ElfSymbol> listed(ElfFile file) throws ElfFormatException {
        int machine = file.header().machine();
        List<ElfSymbol> result = new ArrayList<>();
        for (ElfSymbol symbol : file.symbols()) {
            if (symbol.index() != 0 && symbol.type() != Elf.STT_SECTION && symbol.type() != Elf.STT_FILE
                    && !isMappingSymbol(machine, symbol.name())) {
                result.add(symbol);
            }
        }
        return result;
    }

    /**
     * {@return the listed names sorted byte-wise; equal names by {@code order}}
     *
     * @param file the object
     * @param order the order of equal names
     * @throws ElfFormatException naming the file and the symbol when a name cannot be a line
     *         of a symbols file ({@link SymbolFileFormat#symbolLineProblem}): nm would print
     *         it, but a name like {@code "x\n*vmlinux\n__ksymtab_foo"} in a hostile module
     *         would inject object and export lines, so generation stops instead
     */
    public static List<String> sortedNames(ElfFile file, DuplicateOrder order) throws ElfFormatException {
        List<ElfSymbol> symbols = listed(file);
        for (ElfSymbol symbol : symbols) {
            String problem = SymbolFileFormat.symbolLineProblem(symbol.name());
            if (problem != null) {
                throw new ElfFormatException(file.source(), -1, "symbol " + symbol.index() + " ("
                        + SymbolFileFormat.quoted(symbol.name()) + ") cannot be listed in a symbols file: its name "
                        + problem);
            }
        }
        Comparator<ElfSymbol> byName = Comparator.comparing(ElfSymbol::name);
        // List.sort is stable: ties keep symbol-table order, as glibc's merge sort does for nm
        symbols.sort(order == DuplicateOrder.ADDRESS
                ? byName.thenComparing(ElfSymbol::value, Long::compareUnsigned) : byName);
        return symbols.stream().map(ElfSymbol::name).toList();
    }

    /**
     * bfd's "target special" symbols, hidden by nm without {@code --special-syms}: on AArch64
     * {@code $x}, {@code $d} and {@code $x.<any>}, {@code $d.<any>}; on ARM also {@code $a} and
     * {@code $t}.
     */
    static boolean isMappingSymbol(int machine, String name) {
        if (name.length() < 2 || name.charAt(0) != '$' || (name.length() > 2 && name.charAt(2) != '.')) {
            return false;
        }
        char kind = name.charAt(1);
        return switch (machine) {
            case Elf.EM_AARCH64 -> kind == 'x' || kind == 'd';
            case EM_ARM -> kind == 'a' || kind == 't' || kind == 'd';
            default -> false;
        };
    }
}
