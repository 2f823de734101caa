package org.klpconvert.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

import org.klpconvert.convert.ConversionException;
import org.klpconvert.convert.ConversionReport;
import org.klpconvert.convert.ConvertedSymbol;
import org.klpconvert.convert.Converter;
import org.klpconvert.convert.LivepatchModule;
import org.klpconvert.convert.diag.Diagnostic;
import org.klpconvert.elf.ElfFile;
import org.klpconvert.elf.ElfFormatException;
import org.klpconvert.elf.KlpException;
import org.klpconvert.elf.io.InputFileException;
import org.klpconvert.elf.io.InputFiles;
import org.klpconvert.symbols.SymbolMap;
import org.klpconvert.symbols.SymbolMapFormatException;

/**
 * The three-path conversion in the C tool's processing order (klp-convert.md 2.2): read the
 * module, then the symbols file (only the names the module leaves undefined are indexed),
 * convert, write. Every failure prints the C messages and returns 255.
 */
final class CompatConversion {
    private final PrintStream err;
    private final int verbosity;

    CompatConversion(PrintStream err, int verbosity) {
        this.err = err;
        this.verbosity = verbosity;
    }

    int run(Path symbolsFile, String input, String output) {
        Stage stage = new Stage(input);
        try {
            return convert(symbolsFile, input, output, stage);
        } catch (OutOfMemoryError e) {
            err.print("klp-convert: out of memory while " + stage.what + " (JAVA_OPTS=-Xmx... raises the heap)\n");
        } catch (InternalError e) {
            // the JVM's word for a mapped page that vanished: the module was truncated under us
            err.print("klp-convert: " + input + " changed while being read\n");
        } catch (RuntimeException e) {
            // A bug of ours; still no stack trace (nor class name) for the user of a kernel build.
            err.print("klp-convert: internal error while " + stage.what + ": " + e.getMessage() + "\n");
        }
        return KlpConvert.FAILURE;
    }

    /** What the run is doing, for a message about a failure no step caught: which file. */
    private static final class Stage {
        String what;

        Stage(String input) {
            what = "reading " + input;
        }
    }

    private int convert(Path symbolsFile, String input, String output, Stage stage) {
        LivepatchModule module;
        try {
            // Mapped, not read: the heap holds the decoded sections and the output, not a third
            // copy of a module that debug information can make a gigabyte large.
            module = LivepatchModule.open(ElfFile.map(Path.of(input)));
        } catch (InputFileException e) {
            if (e.getCause() instanceof NoSuchFileException || e.getCause() instanceof AccessDeniedException) {
                return elfFailure("open: " + e.reason(), input); // the C tool's words
            }
            return elfFailure("klp-convert: " + e.getMessage(), input);
        } catch (ElfFormatException e) {
            return elfFailure(e.getMessage(), input);
        } catch (IOException e) {
            return elfFailure("klp-convert: " + input + ": " + InputFiles.reason(e), input);
        }
        stage.what = "reading the symbols file " + symbolsFile;
        SymbolMap symbols;
        try {
            symbols = SymbolMap.load(symbolsFile, module.undefinedNames());
        } catch (SymbolMapFormatException e) {
            err.print("klp-convert: " + e.cText() + "\n");
            if (e.getCause() instanceof KlpException cause) {
                // a Java addition: the C tool reads no compressed file, and says no more
                err.print("klp-convert: " + cause.getMessage() + "\n");
            }
            return KlpConvert.FAILURE;
        }
        // converted, then streamed into the output: the heap never holds the whole output
        stage.what = "converting " + input;
        ConversionReport report;
        try {
            report = new Converter(symbols).convertTo(module, output);
        } catch (ConversionException e) {
            err.print(e.render());
            pointToExplain(symbolsFile, input);
            return KlpConvert.FAILURE;
        } catch (KlpException e) {
            err.print(e.getMessage() + "\n");
            return KlpConvert.FAILURE;
        }
        report(report);
        return 0;
    }

    /**
     * With {@code -v}, a failed conversion ends with the command that explains it symbol by
     * symbol; without {@code -v} stderr stays the C tool's, byte for byte.
     */
    private void pointToExplain(Path symbolsFile, String input) {
        if (verbosity > 0) {
            err.print("klp-convert: for what happens to each symbol and why, run: klp-tool explain -s " + symbolsFile
                    + " " + input + "\n");
        }
    }

    private int elfFailure(String reason, String input) {
        err.print(reason + "\n");
        err.print(Diagnostic.unableToReadElf(input).render());
        return KlpConvert.FAILURE;
    }

    private void report(ConversionReport report) {
        if (verbosity == 0) {
            return;
        }
        for (ConvertedSymbol s : report.symbols()) {
            err.print("klp-convert: " + s.name() + " -> " + s.klpName() + " (" + s.relocations() + " relocation"
                    + (s.relocations() == 1 ? "" : "s") + (s.annotated() ? ", annotated" : "") + ")\n");
        }
        if (verbosity > 1) {
            for (String section : report.newSections()) {
                err.print("klp-convert: created " + section + "\n");
            }
        }
        report.warnings().forEach(w -> err.print(w.render()));
    }
}
