package org.klpconvert.cli;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * {@code klp-convert <symbols.klp> <input.ko> <output.ko>}: the C tool's command line, for
 * kbuild. It runs once per livepatch module in a kernel build, so it parses its arguments by
 * hand and loads neither picocli nor a logging backend. Silent on success; the C messages
 * on stderr and exit status 255 on failure. Leading {@code -v}, {@code -vv}, {@code -v -v} ... (a Java
 * addition) print what was converted.
 */
public final class KlpConvert {
    /** System property the launcher sets to the name it was invoked as ({@code $0}). */
    public static final String PROGRAM_PROPERTY = "klp.program";
    static final int FAILURE = 255;

    private KlpConvert() {
    }

    /**
     * Runs the compatible form and exits with its status.
     *
     * @param args {@code [-v|-vv] <symbols.klp> <input.ko> <output.ko>}
     */
    public static void main(String[] args) {
        PrintStream err = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.err), true,
                StandardCharsets.ISO_8859_1);
        int status = run(args, err);
        err.flush(); // print() does not flush by itself; nothing may be lost at exit
        System.exit(status);
    }

    /**
     * Runs the compatible form.
     *
     * @param args {@code [-v|-vv] <symbols.klp> <input.ko> <output.ko>}
     * @param err  where the messages go
     * @return the exit status: 0, or 255 on any failure
     */
    public static int run(String[] args, PrintStream err) {
        int verbosity = 0;
        int first = 0;
        // Only a call with more than three arguments can carry options: with exactly three,
        // "-v" is the symbols path, as it is for the C tool.
        while (args.length - first > 3 && args[first].matches("-v+")) {
            verbosity += args[first].length() - 1;
            first++;
        }
        if (args.length - first != 3) {
            err.print("Usage: " + System.getProperty(PROGRAM_PROPERTY, "klp-convert")
                    + " <symbols.klp> <input.ko> <output.ko>\n");
            return FAILURE;
        }
        return new CompatConversion(err, verbosity).run(Path.of(args[first]), args[first + 1], args[first + 2]);
    }
}
