package org.klpconvert.symbols.gen;

import java.nio.file.Path;

/** Progress of a generation run; called from worker threads, so implementations must be thread-safe. */
@FunctionalInterface
public interface GenerationListener {

    /** Listens to nothing. */
    GenerationListener NONE = (done, total, path) -> { };

    /**
     * One input file has been read.
     *
     * @param done  files finished so far, this one included
     * @param total files in the run
     * @param path  the file just finished
     */
    void onFile(int done, int total, Path path);
}
