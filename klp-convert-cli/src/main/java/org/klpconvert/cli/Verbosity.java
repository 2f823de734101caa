package org.klpconvert.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Option;

/** {@code -v}/{@code -vv}: INFO/DEBUG logging on stderr; WARN by default. */
final class Verbosity {
    @Option(names = "-v", description = "More output on stderr (-v INFO, -vv DEBUG).")
    boolean[] verbose = new boolean[0];

    void apply() {
        Level level = switch (verbose.length) {
            case 0 -> Level.WARN;
            case 1 -> Level.INFO;
            default -> Level.DEBUG;
        };
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).setLevel(level);
    }
}
