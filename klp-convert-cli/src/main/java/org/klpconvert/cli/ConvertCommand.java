package org.klpconvert.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

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

    @Option(names = {"-o", "--output-dir"}, required = true, description = "Directory for the converted modules.")
    Path outputDir;

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
        Converter converter = new Converter(SymbolMap.load(symbols));
        java.util.Set<Path> outputs = new java.util.HashSet<>();
        for (Path module : modules) {
            if (!outputs.add(outputFor(module))) {
                throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                        "two modules would both be written to " + outputFor(module));
            }
        }
        for (Path module : modules) {
            Path out = outputFor(module);
            ConversionReport report = converter.convertFile(module, out);
            log.info("{}: {} symbols, {} relocations moved, sections {}", module, report.symbols().size(),
                    report.moved(), report.newSections());
            for (ConvertedSymbol s : report.symbols()) {
                System.out.println(out + "\t" + s.klpName() + "\t" + s.relocations());
            }
        }
        return KlpTool.OK;
    }
}
