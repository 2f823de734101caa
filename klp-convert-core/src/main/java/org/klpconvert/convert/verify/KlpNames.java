package org.klpconvert.convert.verify;

import org.klpconvert.convert.KlpFormat;

/**
 * Parses klp section and symbol names the way the livepatch core's {@code sscanf} formats
 * do, but strictly (kernel-rules.md sections 1 and 3.2): {@code .klp.rela.%55[^.]} and
 * {@code .klp.sym.%55[^.].%511[^,],%lu}, with the sympos made of plain digits and nothing
 * after it.
 */
final class KlpNames {

    private KlpNames() {
    }

    /** A parsed section name, or why it does not parse. */
    record SectionName(String object, String rest, String problem) {
        boolean ok() {
            return problem == null;
        }
    }

    /** A parsed symbol name, or why it does not parse. */
    record SymbolName(String object, String name, long pos, String problem) {
        boolean ok() {
            return problem == null;
        }
    }

    static SectionName section(String full) {
        if (!full.startsWith(KlpFormat.RELA_PREFIX)) {
            return new SectionName(null, null, "the name does not start with " + KlpFormat.RELA_PREFIX);
        }
        ObjectField field = objectField(full.substring(KlpFormat.RELA_PREFIX.length()));
        return field.problem() != null ? new SectionName(null, null, field.problem())
                : new SectionName(field.object(), field.rest(), null);
    }

    static SymbolName symbol(String full, int maxName) {
        if (!full.startsWith(KlpFormat.SYM_PREFIX)) {
            return new SymbolName(null, null, -1, "the name does not start with " + KlpFormat.SYM_PREFIX);
        }
        ObjectField field = objectField(full.substring(KlpFormat.SYM_PREFIX.length()));
        if (field.problem() != null) {
            return new SymbolName(null, null, -1, field.problem());
        }
        String object = field.object();
        String rest = field.rest();
        int comma = rest.indexOf(',');
        String name = comma < 0 ? rest : rest.substring(0, comma);
        if (name.isEmpty()) {
            return new SymbolName(null, null, -1, "the symbol name is empty");
        }
        if (name.length() > maxName) {
            return new SymbolName(null, null, -1, "the symbol name has " + name.length()
                    + " characters, more than the " + maxName + " the kernel reads");
        }
        if (comma < 0) {
            return new SymbolName(null, null, -1, "no ',<sympos>' follows the symbol name");
        }
        String digits = rest.substring(comma + 1);
        if (digits.isEmpty() || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return new SymbolName(null, null, -1, "the sympos '" + digits + "' is not plain decimal digits");
        }
        long pos;
        try {
            pos = Long.parseUnsignedLong(digits);
        } catch (NumberFormatException e) {
            return new SymbolName(null, null, -1, "the sympos " + digits + " does not fit in an unsigned long");
        }
        return new SymbolName(object, name, pos, null);
    }

    /** The {@code %55[^.].} part both formats start with, and what follows it. */
    private record ObjectField(String object, String rest, String problem) {
    }

    private static ObjectField objectField(String tail) {
        int dot = tail.indexOf('.');
        String object = dot < 0 ? tail : tail.substring(0, dot);
        String problem = null;
        if (object.isEmpty()) {
            problem = "the object name is empty";
        } else if (object.length() > KlpFormat.MAX_OBJECT_LENGTH) {
            problem = "the object name has " + object.length() + " characters, more than " + KlpFormat.MAX_OBJECT_LENGTH;
        } else if (dot < 0) {
            problem = "no '.' follows the object name";
        }
        return problem != null ? new ObjectField(null, null, problem) : new ObjectField(object, tail.substring(dot + 1), null);
    }
}
