package org.klpconvert.symbols;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The "Valid KLP_SYMPOS" listing printed after M30, M31 and M32 (klp-convert.md §2.6), in the
 * Java form D2: the C frame and object order, with correct positions and one group per object.
 */
public final class CandidateListing {

    /** The C separator: exactly 49 dashes. */
    public static final String DASHES = "-".repeat(49);

    private CandidateListing() {
    }

    /**
     * Renders the listing for {@code matches} (entries in file order, as
     * {@link SymbolMap#matches} returns them). Every line ends in {@code \n}; there is no
     * {@code klp-convert: } prefix.
     *
     * @param name the ambiguous symbol name
     * @param matches the entries with that name
     * @return the listing text, line ends included
     */
    public static String render(String name, List<SymbolEntry> matches) {
        // C walks its entry list, which is in reverse file order; a group takes the place where
        // its object first turns up in that walk (§2.6, D2).
        Map<String, List<SymbolEntry>> groups = new LinkedHashMap<>();
        for (int i = matches.size() - 1; i >= 0; i--) {
            SymbolEntry entry = matches.get(i);
            groups.computeIfAbsent(entry.object(), o -> new ArrayList<>()).add(0, entry);
        }
        StringBuilder text = new StringBuilder(128 + 40 * matches.size());
        text.append("Valid KLP_SYMPOS for symbol ").append(name).append(":\n").append(DASHES).append('\n');
        groups.forEach((object, entries) -> {
            text.append("KLP_MODULE_RELOC(").append(object).append("){\n");
            for (SymbolEntry entry : entries) {
                text.append("\tKLP_SYMPOS(").append(name).append(',').append(entry.sympos()).append(")\n");
            }
            text.append("}\n");
        });
        return text.append(DASHES).append('\n').toString();
    }
}
