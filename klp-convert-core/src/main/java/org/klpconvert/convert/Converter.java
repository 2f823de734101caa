package org.klpconvert.convert;

import java.io.IOException;
import java.nio.file.Path;

import org.klpconvert.elf.ElfFile;
import org.klpconvert.elf.ElfFormatException;
import org.klpconvert.elf.KlpException;
import org.klpconvert.elf.edit.LayoutPolicy;
import org.klpconvert.elf.io.InputFiles;
import org.klpconvert.symbols.SymbolMap;

/**
 * Converts livepatch modules against one symbols file. Build it once and convert as many
 * modules as needed: it holds no per-module state and is safe to share between threads.
 * A map loaded for selected names only ({@link SymbolMap#load(Path, java.util.Set)})
 * converts the modules whose undefined names it covers; any other module is a programming
 * error ({@link IllegalArgumentException}).
 *
 * <pre>{@code
 * Converter converter = new Converter(SymbolMap.load(Path.of("symbols.klp")));
 * ConversionReport report = converter.convertFile(Path.of("patch.tmp.ko"), Path.of("patch.ko"));
 * }</pre>
 */
public final class Converter {
    private final SymbolMap symbols;

    /**
     * A converter that resolves against {@code symbols}.
     *
     * @param symbols the symbols file to resolve against
     */
    public Converter(SymbolMap symbols) {
        this.symbols = symbols;
    }

    /** {@return the symbols file this converter resolves against} */
    public SymbolMap symbols() {
        return symbols;
    }

    /**
     * Converts a module held in memory.
     *
     * @return the converted module and the messages
     * @param module the module's bytes (not modified)
     * @param name   the name used in messages, usually the path as given
     * @throws ElfFormatException  the module is not a readable ELF object
     * @throws ConversionException the module cannot be converted; carries the C messages
     */
    public ConversionResult convert(byte[] module, String name) throws ElfFormatException, ConversionException {
        return convert(ElfFile.parse(module, name));
    }

    /**
     * Converts a parsed module; the {@link ElfFile} is not changed.
     *
     * @param module the module (not modified)
     * @return the converted module and the messages
     * @throws ElfFormatException if the module's tables are malformed
     * @throws ConversionException if the module cannot be converted; it carries the C tool's messages
     */
    public ConversionResult convert(ElfFile module) throws ElfFormatException, ConversionException {
        return convert(LivepatchModule.open(module));
    }

    /**
     * Converts an opened module; it is edited in the process and cannot be converted again.
     *
     * @param module the opened module
     * @return the converted module and the messages
     * @throws ElfFormatException if the module's tables are malformed
     * @throws ConversionException if the module cannot be converted; it carries the C tool's messages
     */
    public ConversionResult convert(LivepatchModule module) throws ElfFormatException, ConversionException {
        checkCovered(module);
        module.claimForConversion();
        ConversionReport report = new ConversionRun(module, symbols).run();
        return new ConversionResult(module.editor().write(LayoutPolicy.LIBELF), report);
    }

    private void checkCovered(LivepatchModule module) {
        for (String name : module.undefinedNames()) {
            if (!symbols.covers(name)) {
                throw new IllegalArgumentException("the symbols map was loaded for other names; " + module.name()
                        + " needs '" + name + "' (load it with this module's undefinedNames(), or in full)");
            }
        }
    }

    /**
     * Converts an opened module and writes it to {@code output} as {@link OutputFile} does
     * (whole or not at all), streaming it from the edited model: the heap never holds the
     * whole output, only the module's decoded sections. Nothing is written if the conversion
     * fails.
     *
     * @param module the opened module; it is edited in the process and cannot be converted again
     * @param output the path to write, as the user typed it
     * @return what was converted
     * @throws ElfFormatException if the module's tables are malformed
     * @throws ConversionException if the module cannot be converted; it carries the C tool's messages
     * @throws KlpException {@code <module>: couldn't create <output>: <reason>} if the output cannot be written
     */
    public ConversionReport convertTo(LivepatchModule module, String output) throws KlpException {
        checkCovered(module);
        module.claimForConversion();
        ConversionReport report = new ConversionRun(module, symbols).run();
        OutputFile.writeAtomically(output, out -> module.editor().write(LayoutPolicy.LIBELF, out), module.name());
        return report;
    }

    /**
     * Converts {@code input} into {@code output}. The input is read completely first, so the
     * two may be the same path; the output appears whole or not at all ({@link OutputFile}).
     * Only a regular input file of at most {@link InputFiles#MAX_SIZE} bytes is read; it is
     * mapped, and the output is streamed ({@link #convertTo}), so the heap holds the decoded
     * module alone; the input must not be truncated while it is converted.
     *
     * @param input the livepatch module to convert
     * @param output where the converted module goes
     * @return what was converted
     * @throws IOException if a file cannot be read or written
     */
    public ConversionReport convertFile(Path input, Path output) throws IOException {
        return convertTo(LivepatchModule.open(ElfFile.map(input)), output.toString());
    }
}
