package org.klpconvert.convert.support;

import java.util.Set;

import org.klpconvert.convert.ConversionResult;
import org.klpconvert.convert.Converter;
import org.klpconvert.convert.LivepatchModule;
import org.klpconvert.convert.explain.Explainer;
import org.klpconvert.convert.verify.Verifier;
import org.klpconvert.elf.ElfFile;
import org.klpconvert.elf.KlpException;
import org.klpconvert.symbols.SymbolMap;

/**
 * The robustness contract of the engine's entry points: for any module and any symbols file,
 * {@link Converter#convert(byte[], String)}, the CLI's path (open, load the map for the
 * module's undefined names, convert) and {@link Verifier#verify(ElfFile)} succeed or throw a
 * {@link KlpException}. A successful conversion must parse, verify within the same contract,
 * and convert again with nothing moved (D10).
 */
public final class Contract {
    /** The name mutants are given in messages. */
    public static final String MODULE = "mutant.tmp.ko";

    /** Where the symbols maps come from; loading may fail with a typed error. */
    public interface Maps {
        /** The map indexed in full, as {@link Converter} users load it. */
        SymbolMap full() throws KlpException;

        /** The map indexed for {@code names} only, as the CLI loads it. */
        SymbolMap lean(Set<String> names) throws KlpException;
    }

    /** What the API path did. */
    public enum Outcome { CONVERTED, REFUSED }

    private Contract() {
    }

    /**
     * Runs every entry point on {@code module}; an {@link AssertionError} naming the step
     * reports a contract violation.
     */
    public static Outcome check(byte[] module, Maps maps) {
        SymbolMap full = step("load the full map", maps::full);
        ConversionResult result = full == null ? null
                : step("convert", () -> new Converter(full).convert(module, MODULE));
        step("convert as the CLI does", () -> {
            LivepatchModule opened = LivepatchModule.open(ElfFile.parse(module, MODULE));
            SymbolMap lean = maps.lean(opened.undefinedNames());
            return new Converter(lean).convert(opened);
        });
        step("verify the input", () -> verifier(full).verify(ElfFile.parse(module, MODULE)));
        if (full != null) {
            step("explain the input", () -> new Explainer(full).explain(ElfFile.parse(module, MODULE)));
        }
        if (result == null) {
            return Outcome.REFUSED;
        }
        byte[] output = result.output();
        ElfFile parsed = mustSucceed("parse the output", () -> ElfFile.parse(output, "output.ko"));
        ConversionResult again = mustSucceed("convert the output again (D10)",
                () -> new Converter(full).convert(output, "output.ko"));
        if (again.report().moved() != 0) {
            throw new AssertionError("a second conversion moved " + again.report().moved() + " relocations (D10)");
        }
        step("verify the output", () -> verifier(full).verify(parsed));
        return Outcome.CONVERTED;
    }

    private static Verifier verifier(SymbolMap full) {
        Verifier.Builder b = Verifier.builder();
        return (full == null ? b : b.symbols(full)).build();
    }

    /** A step of the contract. */
    @FunctionalInterface
    private interface Step<T> {
        T run() throws KlpException;
    }

    /** Runs a step that may refuse with a typed error (then null); anything else is a violation. */
    private static <T> T step(String what, Step<T> step) {
        try {
            return step.run();
        } catch (KlpException refused) {
            return null;
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
            throw new AssertionError(what + ": " + e, e);
        }
    }

    /** Runs a step that must succeed. */
    private static <T> T mustSucceed(String what, Step<T> step) {
        try {
            return step.run();
        } catch (KlpException e) {
            throw new AssertionError(what + " failed: " + e.getMessage(), e);
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
            throw new AssertionError(what + ": " + e, e);
        }
    }
}
