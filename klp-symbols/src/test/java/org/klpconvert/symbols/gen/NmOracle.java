package org.klpconvert.symbols.gen;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.klpconvert.testdata.Tools;

/**
 * The kbuild oracle {@code LC_ALL=C nm -f posix FILE | cut -d' ' -f1} (klp-convert.md §3.3), run
 * once for many files: nm then prints a {@code FILE:} line before each file's block.
 */
final class NmOracle {

    /** One line of nm's posix output: name, type letter, value (0 when empty). */
    record NmLine(String name, String type, long value) {
    }

    private NmOracle() {
    }

    /** nm's lines per file, in nm's order. */
    static Map<Path, List<NmLine>> run(List<Path> files) {
        Map<String, Path> byHeader = new HashMap<>();
        List<String> command = new ArrayList<>(List.of("nm", "-f", "posix"));
        for (Path file : files) {
            byHeader.put(file + ":", file);
            command.add(file.toString());
        }
        Map<Path, List<NmLine>> result = new HashMap<>();
        List<NmLine> current = null;
        for (String line : Tools.run(command).split("\n", -1)) {
            Path header = files.size() > 1 ? byHeader.get(line) : null;
            if (header != null) {
                current = result.computeIfAbsent(header, f -> new ArrayList<>());
            } else if (!line.isEmpty() || current == null) {
                if (current == null) {
                    current = result.computeIfAbsent(files.get(0), f -> new ArrayList<>());
                }
                if (!line.isEmpty()) {
                    current.add(parse(line));
                }
            }
        }
        return result;
    }

    private static NmLine parse(String line) {
        String[] fields = line.split(" ", -1);
        long value = fields.length > 2 && !fields[2].isEmpty() ? Long.parseUnsignedLong(fields[2], 16) : 0;
        return new NmLine(fields[0], fields.length > 1 ? fields[1] : "", value);
    }
}
