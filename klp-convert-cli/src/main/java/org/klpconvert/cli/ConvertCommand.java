package org.klpconvert.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.core.JsonGenerator;

import org.klpconvert.convert.ConversionReport;
import org.klpconvert.convert.ConvertedSymbol;
import org.klpconvert.convert.Converter;
import org.klpconvert.symbols.SymbolMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Converts several modules against one symbols file, which is loaded and indexed once.
 * Prints one line per converted symbol on stdout.
 */
@Command(name = "convert", mixinStandardHelpOptions = true, description = "Convert livepatch modules: <in.ko> is written to <out-dir>/<name>.ko.")
final class ConvertCommand implements Callable<Integer> {
    @Mixin
    Verbosity verbosity;

    @Option(names = {"-s", "--symbols"}, required = true, description = "The symbols.klp file (may be compressed).")
    Path symbols;

    @Option(names = {"-o", "--output-dir"}, description = "Directory for the converted modules (required unless --dry-run).")
    Path outputDir;

    @Option(names = "--dry-run", description = "Write nothing; report what the conversion would do, as klp-tool explain does.")
    boolean dryRun;

    @Option(names = "--json", description = "Print one JSON document: the conversion report (schema klp-tool/convert),"
            + " or with --dry-run the explanation (schema klp-tool/explain); see docs/json.md.")
    boolean json;

    @Parameters(arity = "1..*", paramLabel = "MODULE", description = "Modules to convert (a .tmp suffix is dropped).")
    Path[] modules;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    /** {@code <dir>/<name>.ko}: a trailing {@code .tmp.ko}, as kbuild names its input, becomes {@code .ko}. */
    private Path outputFor(Path module) {
        String name = module.getFileName().toString();
        if (name.endsWith(".tmp.ko")) {
            name = name.substring(0, name.length() - ".tmp.ko".length()) + ".ko";
        }
        return outputDir.resolve(name);
    }

    @Override
    public Integer call() throws Exception {
        verbosity.apply();
        Logger log = LoggerFactory.getLogger(ConvertCommand.class); // after apply(): it sets the level
        if (dryRun) {
            return ExplainCommand.explain(spec.commandLine().getOut(), SymbolMap.load(symbols), List.of(modules), json);
        }
        if (outputDir == null) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "Missing required option: '--output-dir=<outputDir>' (or --dry-run)");
        }
        Converter converter = new Converter(SymbolMap.load(symbols));
        java.util.Set<Path> outputs = new java.util.HashSet<>();
        for (Path module : modules) {
            if (!outputs.add(outputFor(module))) {
                throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                        "two modules would both be written to " + outputFor(module));
            }
        }
        List<ConversionReport> reports = new ArrayList<>();
        PrintWriter stdout = spec.commandLine().getOut();
        for (Path module : modules) {
            Path out = outputFor(module);
            ConversionReport report = converter.convertFile(module, out);
            reports.add(report);
            log.info("{}: {} symbols, {} relocations moved, sections {}", module, report.symbols().size(),
                    report.moved(), report.newSections());
            if (!json) {
                for (ConvertedSymbol s : report.symbols()) {
                    stdout.println(out + "\t" + s.klpName() + "\t" + s.relocations());
                }
            }
        }
        if (json) {
            writeJson(stdout, reports);
        }
        stdout.flush();
        return KlpTool.OK;
    }

    /** Version of the {@code klp-tool/convert} JSON schema (docs/json.md). */
    static final int JSON_VERSION = 1;

    private void writeJson(PrintWriter stdout, List<ConversionReport> reports) throws IOException {
        try (JsonOutput doc = new JsonOutput(stdout, "convert", JSON_VERSION)) {
            JsonGenerator g = doc.generator();
            g.writeStringField("symbols_file", symbols.toString());
            g.writeArrayFieldStart("modules");
            for (int i = 0; i < reports.size(); i++) {
                ConversionReport report = reports.get(i);
                g.writeStartObject();
                g.writeStringField("module", report.module());
                g.writeStringField("output", outputFor(modules[i]).toString());
                g.writeNumberField("relocations_moved", report.moved());
                g.writeArrayFieldStart("symbols");
                for (ConvertedSymbol s : report.symbols()) {
                    g.writeStartObject();
                    g.writeStringField("name", s.name());
                    g.writeStringField("object", s.object());
                    g.writeNumberField("pos", s.pos());
                    g.writeStringField("klp_name", s.klpName());
                    g.writeBooleanField("annotated", s.annotated());
                    g.writeNumberField("relocations", s.relocations());
                    g.writeEndObject();
                }
                g.writeEndArray();
                JsonOutput.stringArray(g, "new_sections", report.newSections());
                JsonOutput.stringArray(g, "warnings", report.warnings().stream().map(w -> w.render().strip()).toList());
                g.writeEndObject();
            }
            g.writeEndArray();
        }
    }
}
