package org.klpconvert.symbols.gen;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.klpconvert.symbols.io.Compression;

/** Readers for the text inputs of the generator: System.map, Module.symvers, /proc/kallsyms. */
final class TextInputs {

    private TextInputs() {
    }

    /** The file's lines (ISO-8859-1, possibly compressed), without {@code \r} or {@code \n} ends. */
    static List<String> lines(Path file) throws IOException {
        return new String(Compression.readAll(file), StandardCharsets.ISO_8859_1).lines().toList();
    }

    /** The third column of a {@code System.map} ({@code <addr> <type> <name>}), in file (address) order. */
    static List<String> systemMapNames(Path file) throws IOException {
        List<String> names = new ArrayList<>();
        for (String line : lines(file)) {
            String[] fields = line.split(" ", 3);
            if (fields.length == 3) {
                names.add(fields[2]);
            }
        }
        return names;
    }

    /** The exported names of a {@code Module.symvers} ({@code <crc>\t<name>\t<module>\t...}). */
    static Set<String> symversExports(Path file) throws IOException {
        Set<String> names = new LinkedHashSet<>();
        for (String line : lines(file)) {
            String[] fields = line.split("\t", 3);
            if (fields.length >= 2) {
                names.add(fields[1]);
            }
        }
        return names;
    }
}
