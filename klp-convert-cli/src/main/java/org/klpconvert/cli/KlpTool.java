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
        description = "Livepatch module tools: convert, explain a conversion, generate and query symbols files, dump and verify ELF objects, show kernel modules as modinfo does, print the annotation header.",
        subcommands = {ConvertCommand.class, ExplainCommand.class, SymbolsCommand.class, DumpCommand.class,
                ModinfoCommand.class, VerifyCommand.class, HeaderCommand.class, HelpCommand.class})
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
        CommandLine cl = commandLine();
        int status;
        try {
            status = cl.execute(args);
        } catch (OutOfMemoryError e) {
            cl.getErr().println("klp-tool: out of memory (the inputs exceed the heap; JAVA_OPTS=-Xmx... raises it)");
            status = FAILED;
        }
        // picocli's writers do not flush by themselves: what is not flushed before exit is lost.
        cl.getOut().flush();
        cl.getErr().flush();
        System.exit(status);
    }

    /** {@return the configured command line, also used by tests} */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new KlpTool());
        cl.setExecutionExceptionHandler((e, cmd, parsed) -> {
            try {
                if (e instanceof org.klpconvert.convert.ConversionException conversion) {
                    cmd.getErr().print(conversion.render());
                    return FAILED;
                }
                cmd.getErr().println("klp-tool: " + describe(e));
                return exitCode(e);
            } finally {
                cmd.getErr().flush();
            }
        });
        return cl;
    }

    /**
     * 3 for input that is not what it should be; 1 for every other failure, among them a
     * symbols file that cannot be opened or is not a regular file (its content was never seen).
     */
    static int exitCode(Throwable e) {
        if (e instanceof org.klpconvert.symbols.SymbolMapFormatException s) {
            return s.kind() == org.klpconvert.symbols.SymbolMapFormatException.Kind.CANNOT_OPEN ? FAILED : MALFORMED;
        }
        return e instanceof org.klpconvert.elf.ElfFormatException
                || e instanceof org.klpconvert.symbols.gen.GeneratorInputException
                || e instanceof org.klpconvert.symbols.io.DecompressionException ? MALFORMED : FAILED;
    }

    /**
     * One line for the user, naming the file: I/O exceptions of the JDK often carry only a
     * path, or come wrapped; a bug of ours is called an internal error, without class names.
     */
    static String describe(Throwable e) {
        Throwable t = e instanceof java.io.UncheckedIOException && e.getCause() != null ? e.getCause() : e;
        if (t instanceof java.nio.file.FileSystemException f && f.getFile() != null) {
            String reason = org.klpconvert.elf.io.InputFiles.reason(f);
            return f.getFile() + (f.getOtherFile() != null ? " -> " + f.getOtherFile() : "") + ": " + reason;
        }
        if (t instanceof java.io.IOException && t.getMessage() != null) {
            return t.getMessage();
        }
        return "internal error: " + (t.getMessage() == null ? "no details" : t.getMessage())
                + " (please report it with the command line)";
    }
}
