package org.klpconvert.elf.dump;

import java.nio.ByteBuffer;
import java.util.List;

import org.klpconvert.elf.Elf;
import org.klpconvert.elf.ElfFile;
import org.klpconvert.elf.ElfFormatException;
import org.klpconvert.elf.ElfSymbol;
import org.klpconvert.elf.note.Note;

/**
 * GNU build-attribute notes ({@code NT_GNU_BUILD_ATTRIBUTE_OPEN}/{@code _FUNC}, written by
 * the annobin compiler plugin) as readelf {@code -W -n} prints them: the encoded name
 * ({@code GA}, a type character, an attribute) decoded into a 28-column field, then the
 * address range the note applies to. A note with an empty descriptor applies to the range of
 * the previous note of its kind, so the ranges are state carried from note to note.
 */
final class BuildAttributeDump {
    static final long OPEN = 0x100;
    static final long FUNC = 0x101;

    private static final int WIDE_NAME_COLUMNS = 28;
    private static final String[] ATTRIBUTE_NAMES = {null, "<version>", "<stack prot>", "<relro>",
        "<stack size>", "<tool>", "<ABI>", "<PIC>", "<short enum>"};
    private static final String[] PIC_VALUES = {"static", "pic", "PIC", "pie", "PIE"};
    private static final String[] STACK_PROT_VALUES = {"off", "on", "all", "strong", "explicit"};
    private static final int STACK_PROT = 2;
    private static final int PIC = 7;

    private final ElfFile file;
    private List<ElfSymbol> symbols;
    private long openStart;
    private long openEnd;
    private long funcStart;
    private long funcEnd;

    BuildAttributeDump(ElfFile file) {
        this.file = file;
    }

    /** Only "GA" owners: other owners use the same type numbers (a Linux note of type 0x101). */
    static boolean isBuildAttribute(Note n) {
        return n.name().startsWith("GA") && (n.type() == OPEN || n.type() == FUNC);
    }

    /** The name column, padded as readelf pads it (it may run longer). */
    String name(Note n) {
        String name = n.name();
        StringBuilder out = new StringBuilder();
        int left = WIDE_NAME_COLUMNS;
        int at = 0;
        if (name.length() < 2) {
            return Text.pad("  <corrupt name>", 20, true);
        }
        if (name.startsWith("GA")) {
            out.append("GA");
            at = 2;
            left -= 2;
        }
        char typeChar = at < name.length() ? name.charAt(at) : 0;
        if (typeChar == 0 || "*$+!".indexOf(typeChar) < 0) {
            return out.append(Text.pad("<unknown name type>", 20, true)).toString();
        }
        out.append(typeChar);
        left--;
        at++;
        int attribute = at < name.length() ? name.charAt(at) : 0;
        if (attribute >= 1 && attribute < ATTRIBUTE_NAMES.length) {
            out.append(ATTRIBUTE_NAMES[attribute]);
            left -= ATTRIBUTE_NAMES[attribute].length();
            at++;
        } else if (attribute >= 0x20 && attribute < 0x7f) {
            int end = name.indexOf('\0', at);
            String text = end < 0 ? name.substring(at) : name.substring(at, end);
            out.append(text).append(':');
            left -= text.length() + 1;
            at += text.length() + 1;
        } else {
            String text = "<unknown:_" + (byte) attribute + ">";
            out.append(text);
            left -= text.length();
            at++;
        }
        String value = switch (typeChar) {
            case '*' -> numeric(name, Math.min(at, name.length()), attribute);
            case '$' -> Text.printable(untilNul(name, Math.min(at, name.length())));
            case '+' -> "true";
            default -> "false";
        };
        out.append(value);
        left -= value.length();
        if (left > 0) {
            out.append(" ".repeat(left));
        }
        return out.toString();
    }

    /** The description column: the range the note applies to and, if found, its symbol. */
    String description(Note n) throws ElfFormatException {
        boolean open = n.type() == OPEN;
        ByteBuffer d = n.descriptor();
        long start;
        long end;
        switch (n.descriptorSize()) {
            case 0 -> {
                long s = open ? openStart : funcStart;
                long e = open ? openEnd : funcEnd;
                return "    Applies to region from " + hex(s) + (Long.compareUnsigned(e, s) > 0 ? " to " + hex(e) : "")
                        + "\n";
            }
            case 4 -> {
                start = d.getInt(0) & 0xffffffffL;
                end = 0;
            }
            case 8 -> {
                start = d.getInt(0) & 0xffffffffL;
                end = d.getInt(4) & 0xffffffffL;
            }
            case 16 -> {
                start = d.getLong(0);
                end = d.getLong(8);
            }
            default -> {
                return "    <invalid descsz>";
            }
        }
        StringBuilder out = new StringBuilder("    Applies to region from ").append(hex(start));
        if (open) {
            openStart = start;
        } else {
            funcStart = start;
        }
        if (end != 0) {
            out.append(" to ").append(hex(end));
            if (open) {
                openEnd = end;
            } else {
                funcEnd = end;
            }
        }
        String symbol = symbolAt(start, open);
        if (symbol != null) {
            out.append(" (").append(Text.printable(symbol)).append(')');
        }
        return out.append('\n').toString();
    }

    /**
     * The symbol readelf names for a range start: among the first symbol table's symbols at
     * exactly that address, with a name that is not an arm/aarch64/riscv mapping symbol, an
     * OPEN note takes a non-function symbol (the plugin's per-file marker), a FUNC note a
     * function; a global one is preferred, else the first.
     */
    private String symbolAt(long address, boolean open) throws ElfFormatException {
        if (symbols == null) {
            symbols = file.symbols();
        }
        ElfSymbol first = null;
        for (ElfSymbol s : symbols) {
            if (s.value() != address || s.name().isEmpty() || isMappingSymbol(s.name())
                    || (s.type() == Elf.STT_FUNC) != !open) {
                continue;
            }
            if (s.bind() == Elf.STB_GLOBAL) {
                return s.name();
            }
            if (first == null) {
                first = s;
            }
        }
        return first == null ? null : first.name();
    }

    private static boolean isMappingSymbol(String name) {
        return name.length() == 2 && name.charAt(0) == '$';
    }

    /** A numeric value: little-endian bytes up to the terminating NUL, at most eight. */
    private static long number(String name, int at) {
        long value = 0;
        int bytes = Math.min(name.length() - at, Long.BYTES);
        for (int i = 0; i < bytes; i++) {
            value |= (long) (name.charAt(at + i) & 0xff) << (8 * i);
        }
        return value;
    }

    private static String numeric(String name, int at, int attribute) {
        long value = number(name, at);
        String decoded = decoded(attribute, value);
        if (decoded != null) {
            return decoded;
        }
        return value == 0 ? "0x0" : "0x" + Long.toHexString(value);
    }

    private static String decoded(int attribute, long value) {
        String[] names = attribute == PIC ? PIC_VALUES : attribute == STACK_PROT ? STACK_PROT_VALUES : null;
        return names != null && value >= 0 && value < names.length ? names[(int) value] : null;
    }

    private static String untilNul(String name, int at) {
        int end = name.indexOf('\0', at);
        return end < 0 ? name.substring(at) : name.substring(at, end);
    }

    /** {@code %#lx}: {@code 0} alone, else {@code 0x} and the digits. */
    private static String hex(long value) {
        return value == 0 ? "0" : "0x" + Long.toHexString(value);
    }
}
