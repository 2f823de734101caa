package org.klpconvert.cli;

import java.io.PrintStream;
import java.nio.file.Path;

import org.klpconvert.symbols.gen.GenerationListener;

/** A one-line progress bar, redrawn at most once per percent; workers finish out of order, so it only moves forward. */
final class ProgressBar implements GenerationListener {
    private static final int WIDTH = 40;
    private final PrintStream out;
    private int lastPercent = -1;

    ProgressBar(PrintStream out) {
        this.out = out;
    }

    @Override
    public synchronized void onFile(int done, int total, Path path) {
        int percent = total == 0 ? 100 : (int) (100L * done / total);
        if (percent <= lastPercent) {
            return;
        }
        lastPercent = percent;
        int filled = percent * WIDTH / 100;
        out.print("\r[" + "#".repeat(filled) + " ".repeat(WIDTH - filled) + "] " + done + "/" + total + " files");
        if (done == total) {
            out.print("\n");
        }
        out.flush();
    }
}
