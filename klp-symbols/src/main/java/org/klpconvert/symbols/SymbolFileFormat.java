package org.klpconvert.symbols;

import static java.nio.charset.StandardCharsets.ISO_8859_1;

import java.io.IOException;
import java.util.Arrays;

/**
 * The line grammar of a symbols file, exactly as the v7 C tool reads it (klp-convert.md §3.1).
 * Lines are split at {@code \n} only. Like the C strings it builds, a name ends at its first
 * NUL byte; the rest of such a line is kept for writing back but never compared.
 */
public final class SymbolFileFormat {

    /** The 27 bytes the first line must start with; the rest of that line is ignored. */
    public static final String HEADER = "klp-convert-symbol-data.0.1";
    /** Lines starting with this go to the exported set, without the prefix. */
    public static final String KSYMTAB_PREFIX = "__ksymtab_";

    private static final byte[] HEADER_BYTES = HEADER.getBytes(ISO_8859_1);
    private static final byte[] KSYMTAB_BYTES = KSYMTAB_PREFIX.getBytes(ISO_8859_1);

    /** What a line after the header is. */
    enum LineKind { OBJECT, SYMBOL, EXPORTED }

    /** Receives each line after the header as offsets into the scanned array. */
    interface LineHandler<X extends Exception> {
        /**
         * @param nameStart first byte of the name (after {@code *} or {@code __ksymtab_})
         * @param nameEnd   end of the name: the first NUL of the line, or {@code lineEnd}
         * @param lineEnd   end of the line, without its {@code \n}
         */
        void line(LineKind kind, int nameStart, int nameEnd, int lineEnd) throws X;
    }

    private SymbolFileFormat() {
    }

    /**
     * Checks the header line.
     *
     * @return the end offset of the header line, without its newline
     */
    static int checkHeader(byte[] data, String file) throws SymbolMapFormatException {
        if (data.length == 0) {
            throw new SymbolMapFormatException(SymbolMapFormatException.Kind.EMPTY, file, 0, null,
                    "the file is empty", null);
        }
        int headerEnd = lineEndOf(data, 0);
        if (!startsWith(data, 0, headerEnd, HEADER_BYTES)) {
            String first = new String(data, 0, Math.min(headerEnd, 80), ISO_8859_1);
            throw new SymbolMapFormatException(SymbolMapFormatException.Kind.UNKNOWN_FORMAT, file, 1, first,
                    "the first line does not start with \"" + HEADER + "\"", null);
        }
        return headerEnd;
    }

    /** Hands every line after the header (ending at {@code headerEnd}) to {@code handler}. */
    static <X extends Exception> void scanLines(byte[] data, int headerEnd, String file, LineHandler<X> handler)
            throws SymbolMapFormatException, X {
        scanRange(data, headerEnd + 1, data.length, false, file, handler);
    }

    /**
     * Hands the lines in {@code [from, to)} to {@code handler}; {@code from} starts a line and
     * {@code to} follows a newline or is the end. {@code inObject} says whether an object line
     * came before {@code from}; line numbers in errors count from {@code from} as line 2.
     */
    static <X extends Exception> void scanRange(byte[] data, int from, int to, boolean inObject, String file,
            LineHandler<X> handler) throws SymbolMapFormatException, X {
        int lineNumber = 2;
        int pos = from;
        while (pos < to) {
            // One pass finds both the line end and the first NUL (where a C string ends):
            // this loop is the whole cost of loading a large file.
            int end = pos;
            int nameEnd = -1;
            while (end < to) {
                byte b = data[end];
                if (b <= '\n') { // NUL and newline both; one comparison for ordinary bytes
                    if (b == '\n') {
                        break;
                    }
                    if (b == 0 && nameEnd < 0) {
                        nameEnd = end;
                    }
                }
                end++;
            }
            if (nameEnd < 0) {
                nameEnd = end;
            }
            if (nameEnd > pos && data[pos] == '*') {
                inObject = true;
                handler.line(LineKind.OBJECT, pos + 1, nameEnd, end);
            } else if (!inObject) {
                throw new SymbolMapFormatException(SymbolMapFormatException.Kind.SYMBOL_BEFORE_OBJECT, file,
                        lineNumber, new String(data, pos, end - pos, ISO_8859_1),
                        "symbol line before the first *object line", null);
            } else if (startsWith(data, pos, nameEnd, KSYMTAB_BYTES)) {
                handler.line(LineKind.EXPORTED, pos + KSYMTAB_BYTES.length, nameEnd, end);
            } else {
                handler.line(LineKind.SYMBOL, pos, nameEnd, end);
            }
            pos = end + 1;
            lineNumber++;
        }
    }

    /**
     * {@return why {@code name} cannot be written as a symbol line, or {@code null} when it reads back
     * as exactly that symbol (a {@code __ksymtab_} name reads back as the export, as nm output
     * does)} A writer must refuse the others: the file would say something else.
     *
     * @param name a symbol name to be written
     */
    public static String symbolLineProblem(String name) {
        if (name.startsWith("*")) {
            return "starts with '*', so its line would read as an object line";
        }
        return lineBreakProblem(name);
    }

    /** Why {@code text} cannot be the rest of one line, or {@code null}. */
    static String lineBreakProblem(String text) {
        return text.indexOf('\n') >= 0 ? "contains a newline, so it would be read as several lines" : null;
    }

    /**
     * {@return {@code text} in double quotes with newlines, carriage returns and NULs escaped, for messages}
     *
     * @param text the text to quote
     */
    public static String quoted(String text) {
        return '"' + text.replace("\\", "\\\\").replace("\n", "\\n").replace("\r", "\\r")
                .replace("\0", "\\0") + '"';
    }

    /** Drives {@code visitor} over a whole file that {@link SymbolMap} has already accepted. */
    static void accept(byte[] data, String file, SymbolFileVisitor visitor) throws IOException {
        int headerEnd = checkHeader(data, file);
        visitor.header(new String(data, 0, headerEnd, ISO_8859_1));
        scanLines(data, headerEnd, file, (kind, start, nameEnd, end) -> {
            String text = new String(data, start, end - start, ISO_8859_1);
            switch (kind) {
                case OBJECT -> visitor.object(text);
                case EXPORTED -> visitor.exported(text);
                default -> visitor.symbol(text);
            }
        });
        visitor.end(data[data.length - 1] == '\n');
    }

    /** Offset of the next {@code \n} at or after {@code from}, or the array length. */
    static int lineEndOf(byte[] data, int from) {
        int i = from;
        while (i < data.length && data[i] != '\n') {
            i++;
        }
        return i;
    }

    private static boolean startsWith(byte[] data, int from, int end, byte[] prefix) {
        return end - from >= prefix.length
                && Arrays.equals(data, from, from + prefix.length, prefix, 0, prefix.length);
    }
}
