package org.klpconvert.convert.support;

import java.nio.file.Path;

import org.klpconvert.convert.OutputFile;

/**
 * A process that writes one large output over and over ({@code <dir> <MiB>}), so that a
 * signal sent at any moment most likely arrives during a write: the subject of
 * OutputFileSignalTest.
 */
public final class WriteLoop {
    private WriteLoop() {
    }

    /** Writes {@code <dir>/out.ko} of {@code <MiB>} mebibytes until killed. */
    public static void main(String[] args) throws Exception {
        byte[] data = new byte[Integer.parseInt(args[1]) << 20];
        Path out = Path.of(args[0]).resolve("out.ko");
        while (true) {
            OutputFile.writeAtomically(out, data, "loop");
        }
    }
}
