package org.klpconvert.testdata;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * One error case of the corpus, judged as its README says: every line of
 * {@code expectedLines} must appear as a whole stderr line, the exit status must equal
 * {@code expectedExit}, and no output file may be created when {@code outputAbsent}.
 */
public record ErrorCase(String name, Path dir, Path input, Path symbols, List<String> expectedLines,
        int expectedExit, boolean outputAbsent) {

    static ErrorCase of(Path dir) {
        try {
            List<String> lines = Files.readAllLines(dir.resolve("expected.stderr-lines"), StandardCharsets.ISO_8859_1);
            int exit = Integer.parseInt(Files.readString(dir.resolve("expected.exit")).trim());
            boolean absent = Files.readString(dir.resolve("expected.outfile")).startsWith("absent");
            return new ErrorCase(dir.getFileName().toString(), dir, dir.resolve("input.tmp.ko"),
                    dir.resolve("symbols.klp"), lines, exit, absent);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String toString() {
        return "errors/" + name;
    }
}
