package org.klpconvert.symbols.gen;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.klpconvert.symbols.io.Compression;

/**
 * Readers for the text inputs of the generator: System.map, Module.symvers, /proc/kallsyms.
 * Every line is checked against its format; the first that does not match is refused with
 * the file and line ({@link GeneratorInputException}), so garbage never becomes a block of
 * odd names.
 */
final class TextInputs {

    private TextInputs() {
    }

    /** One checked line: its 1-based number and its text. */
    record Line(Path file, int number, String text) {
        GeneratorInputException malformed(String format) {
            String shown = text.length() > 60 ? text.substring(0, 60) + "..." : text;
            return new GeneratorInputException(file.toString(), number, "not a " + format + " line: '"
                    + printable(shown) + "'");
        }
    }

    /** The file's lines (ISO-8859-1, possibly compressed), without {@code \r} or {@code \n} ends. */
    static List<Line> lines(Path file) throws IOException {
        return lines(file, Compression.readAll(file));
    }

    /** The lines of {@code content}, read from {@code file}. */
    static List<Line> lines(Path file, byte[] content) {
        List<String> texts = new String(content, StandardCharsets.ISO_8859_1).lines().toList();
        List<Line> lines = new ArrayList<>(texts.size());
        for (int i = 0; i < texts.size(); i++) {
            lines.add(new Line(file, i + 1, texts.get(i)));
        }
        return lines;
    }

    /** The third column of a {@code System.map} ({@code <addr> <type> <name>}), in file (address) order. */
    static List<String> systemMapNames(Path file, byte[] content) throws IOException {
        List<String> names = new ArrayList<>();
        for (Line line : lines(file, content)) {
            String[] fields = line.text().split(" ", -1);
            if (fields.length != 3 || !isAddress(fields[0]) || !isType(fields[1]) || !isName(fields[2])) {
                throw line.malformed("System.map (<address> <type> <name>)");
            }
            names.add(fields[2]);
        }
        if (names.isEmpty()) {
            throw new GeneratorInputException(file.toString(), 0,
                    "neither an ELF object nor a System.map: no symbol lines");
        }
        return names;
    }

    /** The exported names of a {@code Module.symvers} ({@code <crc>\t<name>\t<module>\t<export>[\t<namespace>]}). */
    static Set<String> symversExports(Path file) throws IOException {
        Set<String> names = new LinkedHashSet<>();
        for (Line line : lines(file)) {
            String[] fields = line.text().split("\t", -1);
            if (fields.length < 4 || !fields[0].startsWith("0x") || !isAddress(fields[0].substring(2))
                    || !isName(fields[1]) || !fields[3].startsWith("EXPORT_SYMBOL")) {
                throw line.malformed("Module.symvers (<crc>\\t<name>\\t<module>\\t<export type>)");
            }
            names.add(fields[1]);
        }
        return names;
    }

    /** Hexadecimal digits, at most 16 (a 64-bit address or CRC). */
    static boolean isAddress(String field) {
        if (field.isEmpty() || field.length() > 16) {
            return false;
        }
        for (int i = 0; i < field.length(); i++) {
            if (Character.digit(field.charAt(i), 16) < 0) {
                return false;
            }
        }
        return true;
    }

    /** One letter, or nm's {@code ?}. */
    static boolean isType(String field) {
        return field.length() == 1 && (Character.isLetter(field.charAt(0)) || field.charAt(0) == '?');
    }

    /** A symbol name: not empty, and no space, control character or DEL in it. */
    static boolean isName(String field) {
        if (field.isEmpty()) {
            return false;
        }
        for (int i = 0; i < field.length(); i++) {
            char c = field.charAt(i);
            if (c <= ' ' || c == 0x7f) {
                return false;
            }
        }
        return true;
    }

    /** The text with control characters shown as {@code \xNN}, for a message. */
    static String printable(String text) {
        StringBuilder out = new StringBuilder();
        for (char c : text.toCharArray()) {
            if (c < ' ' || c == 0x7f) {
                out.append(String.format("\\x%02x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
