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
    private static final Logger LOG = LoggerFactory.getLogger(ConvertCommand.class);

    @Mixin
    Verbosity verbosity;

    @Option(names = {"-s", "--symbols"}, required = true, description = "The symbols.klp file (may be compressed).")
    Path symbols;

    @Option(names = {"-o", "--output-dir"}, required = true, description = "Directory for the converted modules.")
    Path outputDir;

    @Parameters(arity = "1..*", paramLabel = "MODULE", description = "Modules to convert (a .tmp suffix is dropped).")
    Path[] modules;

    @Override
    public Integer call() throws Exception {
        verbosity.apply();
        Converter converter = new Converter(SymbolMap.load(symbols));
        for (Path module : modules) {
            String name = module.getFileName().toString().replace(".tmp.ko", ".ko");
            Path out = outputDir.resolve(name);
            ConversionReport report = converter.convertFile(module, out);
            LOG.info("{}: {} symbols, {} relocations moved, sections {}", module, report.symbols().size(),
                    report.moved(), report.newSections());
            for (ConvertedSymbol s : report.symbols()) {
                System.out.println(out + "\t" + s.klpName() + "\t" + s.relocations());
            }
        }
        return KlpTool.OK;
    }
}
