package org.klpconvert.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * Writes the man pages {@code klp-tool.1} and {@code klp-convert.1} (roff, section 1) from
 * the command model, so that they list exactly the options the parser accepts. Run by the
 * build for the distribution: {@code ManPage <output-dir>}. No date goes into a page, so two
 * builds of one version write the same bytes.
 */
final class ManPage {

    private static final String KLP_TOOL_EXIT = """
            0 success; 1 findings (verify) or a failure; 2 usage error; 3 malformed input
            (an ELF object or symbols file the tool cannot read).""";
    private static final String KLP_CONVERT_EXIT = """
            0 success; 255 on any failure, with the C klp-convert's messages on standard error.""";

    private ManPage() {
    }

    /**
     * Writes both pages into a directory.
     *
     * @param args the output directory
     * @throws IOException if a page cannot be written
     */
    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: ManPage <output-dir>");
        }
        Path dir = Files.createDirectories(Path.of(args[0]));
        String version = ToolVersion.current();
        Files.writeString(dir.resolve("klp-tool.1"),
                render(KlpTool.commandLine().getCommandSpec(), version, KLP_TOOL_EXIT), StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("klp-convert.1"), render(klpConvertModel(), version, KLP_CONVERT_EXIT),
                StandardCharsets.UTF_8);
    }

    /**
     * The compatible three-path form as a command model. {@link KlpConvert} parses its few
     * arguments by hand to start fast; this model describes the same syntax for the page.
     */
    static CommandSpec klpConvertModel() {
        CommandSpec spec = CommandSpec.create().name("klp-convert");
        spec.usageMessage().description(
                "Convert a livepatch module as the C klp-convert does. For kbuild "
                        + "(scripts/livepatch/klp-convert): relocations against non-exported symbols move into "
                        + ".klp.rela.<object>.<section> sections and their symbols are renamed "
                        + ".klp.sym.<object>.<name>,<sympos>. Silent on success.");
        spec.addOption(OptionSpec.builder("-v").description(
                "Before the three paths: print what was converted; -vv prints more. "
                        + "With exactly three arguments, -v is a path, as for the C tool.").build());
        spec.addPositional(PositionalParamSpec.builder().index("0").paramLabel("symbols.klp")
                .description("The symbols file (may be gzip, xz or zstd compressed).").build());
        spec.addPositional(PositionalParamSpec.builder().index("1").paramLabel("input.ko")
                .description("The livepatch module as kbuild linked it.").build());
        spec.addPositional(PositionalParamSpec.builder().index("2").paramLabel("output.ko")
                .description("The converted module; written whole or not at all.").build());
        return spec;
    }

    /**
     * Renders one command and its subcommands as a man page.
     *
     * @param spec       the command model
     * @param version    the tool version for the page footer
     * @param exitStatus the text of the EXIT STATUS section
     * @return the page in roff
     */
    static String render(CommandSpec spec, String version, String exitStatus) {
        StringBuilder page = new StringBuilder();
        String name = spec.name();
        page.append(".TH ").append(name.toUpperCase(Locale.ROOT)).append(" 1 \"\" \"klp-convert ")
                .append(escape(version)).append("\" \"User Commands\"\n");
        page.append(".SH NAME\n").append(escape(name)).append(" \\- ")
                .append(escape(firstSentence(String.join(" ", spec.usageMessage().description())))).append('\n');
        page.append(".SH SYNOPSIS\n");
        synopsis(page, spec, name);
        page.append(".SH DESCRIPTION\n").append(escape(String.join(" ", spec.usageMessage().description())))
                .append('\n');
        page.append(".SH OPTIONS\n");
        options(page, spec);
        if (!spec.subcommands().isEmpty()) {
            page.append(".SH COMMANDS\n");
            for (var entry : spec.subcommands().entrySet()) {
                CommandSpec subSpec = entry.getValue().getCommandSpec();
                if (!entry.getKey().equals(subSpec.name())) {
                    continue; // an alias
                }
                page.append(".SS ").append(escape(subSpec.name())).append('\n');
                synopsis(page, subSpec, name + " " + subSpec.name());
                page.append(".PP\n").append(escape(String.join(" ", subSpec.usageMessage().description())))
                        .append('\n');
                options(page, subSpec);
            }
        }
        page.append(".SH EXIT STATUS\n").append(escape(exitStatus.replace('\n', ' '))).append('\n');
        page.append(".SH SEE ALSO\n")
                .append(name.equals("klp-tool") ? ".BR klp-convert (1)\n" : ".BR klp-tool (1)\n");
        return page.toString();
    }

    private static void synopsis(StringBuilder page, CommandSpec spec, String invocation) {
        page.append(".B ").append(escape(invocation)).append('\n');
        for (OptionSpec option : spec.options()) {
            if (option.hidden()) {
                continue;
            }
            String label = option.typeInfo().isBoolean() ? "" : " " + option.paramLabel();
            page.append(option.required() ? "" : "[").append(escape(option.shortestName() + label))
                    .append(option.required() ? "" : "]").append('\n');
        }
        for (PositionalParamSpec positional : spec.positionalParameters()) {
            boolean many = positional.arity().max() > 1;
            page.append(escape(positional.paramLabel() + (many ? "..." : ""))).append('\n');
        }
        if (!spec.subcommands().isEmpty()) {
            page.append("COMMAND [ARGS]\n");
        }
    }

    private static void options(StringBuilder page, CommandSpec spec) {
        List<OptionSpec> options = spec.options().stream().filter(o -> !o.hidden()).toList();
        for (OptionSpec option : options) {
            String label = option.typeInfo().isBoolean() ? "" : " " + option.paramLabel();
            page.append(".TP\n.B ").append(escape(String.join(", ", option.names()) + label)).append('\n')
                    .append(escape(String.join(" ", option.description()))).append('\n');
        }
        for (PositionalParamSpec positional : spec.positionalParameters()) {
            page.append(".TP\n.I ").append(escape(positional.paramLabel())).append('\n')
                    .append(escape(String.join(" ", positional.description()))).append('\n');
        }
    }

    private static String firstSentence(String text) {
        int end = text.indexOf(". ");
        String sentence = end < 0 ? text : text.substring(0, end);
        return sentence.endsWith(".") ? sentence.substring(0, sentence.length() - 1) : sentence;
    }

    /** roff text: backslashes and minus signs escaped, no line starting a request. */
    private static String escape(String text) {
        String escaped = text.replace("%n", " ").replace("\\", "\\e").replace("-", "\\-");
        return escaped.startsWith(".") || escaped.startsWith("'") ? "\\&" + escaped : escaped;
    }
}
