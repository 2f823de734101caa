package org.klpconvert.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.ScopeType;

/**
 * {@code klp-tool}: the Java additions, as subcommands that cannot be mistaken for the
 * three-path form. Exit codes (style.md section 3): 0 OK; 1 findings or a failure; 2 usage
 * error; 3 malformed input.
 */
// scope = INHERIT: every subcommand gets --help, --version and the version provider.
@Command(name = "klp-tool", mixinStandardHelpOptions = true, versionProvider = ToolVersion.class,
        scope = ScopeType.INHERIT, exitCodeOnInvalidInput = KlpTool.USAGE,
        description = "Livepatch module tools: convert, explain a conversion, generate and query symbols files, dump and verify ELF objects, print the annotation header.",
        subcommands = {ConvertCommand.class, ExplainCommand.class, SymbolsCommand.class, DumpCommand.class, VerifyCommand.class,
                HeaderCommand.class, HelpCommand.class})
public final class KlpTool {
    static final int OK = 0;
    static final int FAILED = 1;
    static final int USAGE = 2;
    static final int MALFORMED = 3;

    private KlpTool() {
    }

    /**
     * Runs a subcommand and exits with its status.
     *
     * @param args the subcommand and its arguments
     */
    public static void main(String[] args) {
        // Names are bytes (ISO-8859-1 in Java); print them as the same bytes, as readelf does.
        System.setOut(new java.io.PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), true,
                java.nio.charset.StandardCharsets.ISO_8859_1));
        System.setErr(new java.io.PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.err), true,
                java.nio.charset.StandardCharsets.ISO_8859_1));
        int status;
        try {
            status = commandLine().execute(args);
        } catch (OutOfMemoryError e) {
            System.err.println("klp-tool: out of memory; give the JVM more heap with JAVA_OPTS=-Xmx...");
            status = FAILED;
        }
        System.exit(status);
    }

    /** {@return the configured command line, also used by tests} */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new KlpTool());
        cl.setExecutionExceptionHandler((e, cmd, parsed) -> {
            if (e instanceof org.klpconvert.convert.ConversionException conversion) {
                cmd.getErr().print(conversion.render());
                return FAILED;
            }
            cmd.getErr().println("klp-tool: " + describe(e));
            return e instanceof org.klpconvert.elf.ElfFormatException
                    || e instanceof org.klpconvert.symbols.SymbolMapFormatException ? MALFORMED : FAILED;
        });
        return cl;
    }

    /** One line for the user: I/O exceptions of the JDK often carry only a path. */
    private static String describe(Exception e) {
        if (e instanceof java.nio.file.NoSuchFileException f) {
            return f.getFile() + ": No such file or directory";
        }
        if (e instanceof java.nio.file.AccessDeniedException f) {
            return f.getFile() + ": Permission denied";
        }
        return e.getMessage() == null ? e.toString() : e.getMessage();
    }
}
