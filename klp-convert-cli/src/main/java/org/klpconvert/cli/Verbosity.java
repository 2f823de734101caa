package org.klpconvert.cli;

import picocli.CommandLine.Option;

/**
 * {@code -v}/{@code -vv}: INFO/DEBUG logging on stderr; WARN by default. The level reaches
 * the logging backend as the system property {@value #LEVEL_PROPERTY}, read by
 * {@code logback.xml} when the first logger is made: a command calls {@link #apply()} before
 * it gets its logger.
 */
final class Verbosity {
    /** The system property {@code logback.xml} takes the root level from. */
    static final String LEVEL_PROPERTY = "klp.log.level";

    @Option(names = "-v", description = "More output on stderr (-v INFO, -vv DEBUG).")
    boolean[] verbose = new boolean[0];

    void apply() {
        System.setProperty(LEVEL_PROPERTY, switch (verbose.length) {
            case 0 -> "WARN";
            case 1 -> "INFO";
            default -> "DEBUG";
        });
    }
}
