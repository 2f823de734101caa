package org.klpconvert.symbols;

import org.klpconvert.elf.KlpException;

/**
 * A symbols file that the C klp-convert refuses (klp-convert.md §3.1). {@link #kind()} says
 * which of its messages applies; {@link #cText()} renders that message exactly, without the
 * {@code klp-convert: } prefix. {@link #getMessage()} is a longer explanation naming the file,
 * the line and the offending text.
 */
public final class SymbolMapFormatException extends KlpException {
    private static final long serialVersionUID = 1L;

    /** The four ways the C tool rejects a symbols file, with its message formats. */
    public enum Kind {
        /** M10: the file cannot be opened. */
        CANNOT_OPEN("Unable to open Symbol list: %s"),
        /** M11: the first read returned nothing (an empty file, or a directory). */
        EMPTY("Unable to read Symbol list: %s"),
        /** M12: the first line does not start with the 27-byte header. */
        UNKNOWN_FORMAT("Symbol list is in unknown format."),
        /** M13: a symbol line before any {@code *object} line; the C text ends in a newline. */
        SYMBOL_BEFORE_OBJECT("File format error\n");

        private final String format;

        Kind(String format) {
            this.format = format;
        }

        /** {@return the C format string ({@code %s} = the path as given)} */
        public String format() {
            return format;
        }

        /**
         * {@return the C message for {@code file}, without the {@code klp-convert: } prefix}
         *
         * @param file the path as given
         */
        public String render(String file) {
            return format.replace("%s", file);
        }
    }

    /** Which C message applies. */
    private final Kind kind;
    /** The path as given by the user. */
    private final String file;
    /** The 1-based line number, or 0. */
    private final int line;
    /** The offending line, or null. */
    private final String text;

    /**
     * @param kind   which C message applies
     * @param file   the path as given by the user
     * @param line   1-based line number, or 0 when no line applies
     * @param text   the offending line (ISO-8859-1), or {@code null}
     * @param reason what is wrong, for {@link #getMessage()}
     * @param cause  the underlying I/O error, or {@code null}
     */
    public SymbolMapFormatException(Kind kind, String file, int line, String text, String reason, Throwable cause) {
        super(file + (line > 0 ? ":" + line : "") + ": " + reason, cause);
        this.kind = kind;
        this.file = file;
        this.line = line;
        this.text = text;
    }

    /** {@return which C message applies} */
    public Kind kind() {
        return kind;
    }

    /** {@return the symbols file as given by the user} */
    public String file() {
        return file;
    }

    /** {@return 1-based line number of the offending line, or 0} */
    public int line() {
        return line;
    }

    /** {@return the offending line without its newline, or {@code null} when no line applies} */
    public String text() {
        return text;
    }

    /** {@return the exact C message (klp-convert.md §2.4, M10-M13), without prefix} */
    public String cText() {
        return kind.render(file);
    }
}
