package org.klpconvert.convert.support;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;

import org.klpconvert.convert.ConversionException;
import org.klpconvert.convert.ConversionResult;
import org.klpconvert.convert.Converter;
import org.klpconvert.convert.LivepatchModule;
import org.klpconvert.elf.ElfFile;
import org.klpconvert.elf.KlpException;

/**
 * Runs the engine on a test module the way the tool does, twice: with the fully indexed
 * symbols map and with the map indexed for the module's undefined names only. Both runs must
 * agree, so every test also checks that the lean index answers every question asked.
 */
public final class Convert {
    /** The name the module is given in messages. */
    public static final String MODULE = "test.tmp.ko";

    private Convert() {
    }

    /** Converts; the conversion must succeed and leave the input bytes unchanged. */
    public static ConversionResult ok(byte[] module, SymbolsFile symbols) {
        byte[] copy = module.clone();
        try {
            ConversionResult full = new Converter(symbols.map()).convert(module, MODULE);
            ConversionResult lean = new Converter(symbols.map(undefinedNames(module))).convert(module, MODULE);
            assertArrayEquals(full.output(), lean.output(), "full and lean symbol index disagree");
            assertArrayEquals(copy, module, "input changed");
            return full;
        } catch (ConversionException e) {
            throw new AssertionError("conversion failed:\n" + e.render(), e);
        } catch (KlpException e) {
            throw new AssertionError("conversion failed: " + e.getMessage(), e);
        }
    }

    /** Converts; the conversion must fail. Returns the messages exactly as printed. */
    public static String failure(byte[] module, SymbolsFile symbols) {
        return exception(module, symbols).render();
    }

    /** Converts; the conversion must fail with a {@link ConversionException}. */
    public static ConversionException exception(byte[] module, SymbolsFile symbols) {
        ConversionException full = assertThrows(ConversionException.class,
                () -> new Converter(symbols.map()).convert(module, MODULE));
        ConversionException lean = assertThrows(ConversionException.class,
                () -> new Converter(symbols.map(undefinedNames(module))).convert(module, MODULE));
        assertEquals(full.render(), lean.render(), "full and lean symbol index disagree");
        return full;
    }

    /** Converts the output again (D10): nothing may change. */
    public static void assertIdempotent(byte[] output, SymbolsFile symbols) {
        ConversionResult again = ok(output, symbols);
        assertEquals(0, again.report().moved(), "relocations moved by a second run");
        if (!Arrays.equals(output, again.output())) {
            throw new AssertionError("a second conversion changed the output");
        }
    }

    private static java.util.Set<String> undefinedNames(byte[] module) throws KlpException {
        return LivepatchModule.open(ElfFile.parse(module, MODULE)).undefinedNames();
    }
}
