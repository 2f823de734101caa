package org.klpconvert.elf.oracle;

import java.io.IOException;
import java.io.Reader;

/**
 * An {@link Appendable} that compares what is appended with a reference text read from a
 * stream, character by character, holding only the current line: a dump of hundreds of
 * megabytes is compared without being stored. The first difference is kept, with its line.
 */
final class StreamComparison implements Appendable {
    private static final int CONTEXT = 400;

    private final Reader expected;
    private final StringBuilder line = new StringBuilder();
    private long lineNumber = 1;
    private Difference difference;
    private StringBuilder actualRest;

    /** The first line where the texts differ (1-based), and the two lines. */
    record Difference(long line, String expected, String actual) {
    }

    StreamComparison(Reader expected) {
        this.expected = expected;
    }

    @Override
    public Appendable append(CharSequence text) throws IOException {
        for (int i = 0; i < text.length(); i++) {
            append(text.charAt(i));
        }
        return this;
    }

    @Override
    public Appendable append(CharSequence text, int start, int end) throws IOException {
        return append(text.subSequence(start, end));
    }

    @Override
    public Appendable append(char c) throws IOException {
        if (difference != null) {
            if (actualRest != null) {
                if (c == '\n' || actualRest.length() > CONTEXT) {
                    difference = new Difference(difference.line(), difference.expected(), actualRest.toString());
                    actualRest = null;
                } else {
                    actualRest.append(c);
                }
            }
            return this;
        }
        int e = expected.read();
        if (e != c) {
            String expectedLine = e == -1 ? "<end of output>"
                    : e == '\n' ? line.toString() : line + String.valueOf((char) e) + restOfLine();
            actualRest = new StringBuilder(line).append(c == '\n' ? "" : String.valueOf(c));
            difference = new Difference(lineNumber, expectedLine, actualRest.toString());
            if (c == '\n') {
                actualRest = null;
            }
            return this;
        }
        if (c == '\n') {
            lineNumber++;
            line.setLength(0);
        } else if (line.length() < CONTEXT) {
            line.append(c);
        }
        return this;
    }

    private String restOfLine() throws IOException {
        StringBuilder rest = new StringBuilder();
        for (int c = expected.read(); c != -1 && c != '\n' && rest.length() < CONTEXT; c = expected.read()) {
            rest.append((char) c);
        }
        return rest.toString();
    }

    /** The first difference, after checking that the reference has nothing more; null if none. */
    Difference finish() throws IOException {
        if (actualRest != null) {
            difference = new Difference(difference.line(), difference.expected(), actualRest.toString());
            actualRest = null;
        }
        if (difference == null) {
            int e = expected.read();
            if (e != -1) {
                String expectedLine = e == '\n' ? line.toString() : line + String.valueOf((char) e) + restOfLine();
                difference = new Difference(lineNumber, expectedLine, "<end of output>");
            }
        }
        return difference;
    }
}
