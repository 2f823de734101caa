package org.klpconvert.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import org.klpconvert.convert.explain.Explainer;
import org.klpconvert.convert.explain.Explanation;
import org.klpconvert.elf.ElfFile;
import org.klpconvert.symbols.SymbolMap;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * Tells, for every unresolved symbol of a livepatch module, what the conversion will do and
 * why, writing nothing. Exit 0 when every module would convert, 1 when one would not, 3 when
 * a module or the symbols file cannot be read.
 */
@Command(name = "explain", mixinStandardHelpOptions = true,
        description = "Explain, for every unresolved symbol of each module, what the conversion will do and why;"
                + " nothing is written.")
final class ExplainCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = {"-s", "--symbols"}, required = true, paramLabel = "SYMBOLS",
            description = "The target kernel's symbols.klp (may be compressed).")
    Path symbols;

    @Option(names = "--json", description = "Print one JSON document (schema klp-tool/explain, docs/json.md).")
    boolean json;

    @Parameters(arity = "1..*", paramLabel = "MODULE", description = "Unconverted livepatch modules (.tmp.ko).")
    Path[] modules;

    @Override
    public Integer call() throws Exception {
        return explain(spec.commandLine().getOut(), SymbolMap.load(symbols), List.of(modules), json);
    }

    /** Explains {@code modules} on {@code out}; shared with {@code convert --dry-run}. */
    static int explain(PrintWriter out, SymbolMap symbols, List<Path> modules, boolean json) throws Exception {
        Explainer explainer = new Explainer(symbols);
        List<Explanation> explanations = new ArrayList<>();
        for (Path module : modules) {
            explanations.add(explainer.explain(ElfFile.read(module)));
        }
        if (json) {
            try (JsonOutput doc = new JsonOutput(out, "explain", ExplanationReport.JSON_VERSION)) {
                doc.generator().writeStringField("symbols_file", symbols.source());
                doc.generator().writeArrayFieldStart("modules");
                for (Explanation e : explanations) {
                    ExplanationReport.json(doc.generator(), e);
                }
                doc.generator().writeEndArray();
            }
        } else {
            explanations.forEach(e -> out.print(ExplanationReport.text(e)));
            out.flush();
        }
        return explanations.stream().allMatch(Explanation::conversionSucceeds) ? KlpTool.OK : KlpTool.FAILED;
    }
}
