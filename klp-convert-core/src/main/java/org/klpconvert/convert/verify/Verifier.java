package org.klpconvert.convert.verify;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.klpconvert.elf.ElfFile;
import org.klpconvert.elf.ElfFormatException;
import org.klpconvert.symbols.SymbolMap;

/**
 * Checks a converted livepatch module against what the kernel requires of it: the lint
 * catalogue of kernel-rules.md section 9 ({@link Rule}). Immutable and thread-safe; build one
 * and verify as many modules as needed.
 *
 * <pre>{@code
 * Verifier verifier = Verifier.builder()
 *         .symbols(SymbolMap.load(Path.of("symbols.klp")))
 *         .kernel(KernelVersion.parse("6.1"))
 *         .build();
 * List<Finding> findings = verifier.verify(ElfFile.read(Path.of("patch.ko")));
 * }</pre>
 *
 * Without a symbols file, KS9, KP1 and KP2 are not checked.
 */
public final class Verifier {
    private static final List<RuleFamily> FAMILIES = List.of(new ModuleRules(), new KlpSectionRules(),
            new KlpSymbolRules(), new SymbolsFileRules(), new PatchStructureRules());

    private final SymbolMap symbols;
    private final KernelVersion kernel;
    private final String kernelRelease;

    private Verifier(Builder b) {
        this.symbols = b.symbols;
        this.kernel = b.kernel;
        this.kernelRelease = b.kernelRelease;
    }

    /** {@return a builder with no symbols file and the newest kernel's rules} */
    public static Builder builder() {
        return new Builder();
    }

    /** {@return the symbols file the KS9/KP rules use, if any} */
    public Optional<SymbolMap> symbols() {
        return Optional.ofNullable(symbols);
    }

    /** {@return the kernel version whose rules apply} */
    public KernelVersion kernel() {
        return kernel;
    }

    /**
     * {@return all findings for one module, INFO included, by rule family (KM, KR, KS, KP, KO) and then
     * in the order the module's sections and symbols come}
     *
     * @param module the module
     * @throws ElfFormatException a table the rules need cannot be read at all
     */
    public List<Finding> verify(ElfFile module) throws ElfFormatException {
        ModuleView view = new ModuleView(module);
        Report report = new Report();
        RuleFamily.Context context = new RuleFamily.Context(view, kernel, symbols, report);
        for (RuleFamily family : FAMILIES) {
            family.check(context);
        }
        if (kernelRelease != null) {
            ModuleRules.km9KernelRelease(view, kernelRelease, report);
        }
        return report.findings();
    }

    /**
     * Reads and verifies a module file.
     *
     * @param module the module file
     * @return the findings, in rule order
     * @throws IOException if a file cannot be read or written
     */
    public List<Finding> verify(Path module) throws IOException {
        return verify(ElfFile.read(module));
    }

    /**
     * {@return whether any finding has severity ERROR}
     *
     * @param findings findings of a verification
     */
    public static boolean hasErrors(List<Finding> findings) {
        return findings.stream().anyMatch(f -> f.severity() == Severity.ERROR);
    }

    /** Options of a {@link Verifier}. */
    public static final class Builder {
        private SymbolMap symbols;
        private KernelVersion kernel = KernelVersion.NEWEST;
        private String kernelRelease;

        private Builder() {
        }

        /**
         * {@return this builder, checking the modules' vermagic against a target release (KM9, KM10)}
         *
         * @param release the target kernel's release, as {@code uname -r} prints it
         */
        public Builder kernelRelease(String release) {
            this.kernelRelease = Objects.requireNonNull(release, "release");
            return this;
        }

        /**
         * {@return the symbols file of the target kernel: enables KS9, KP1 and KP2}
         *
         * @param map the symbols file the module was converted against
         */
        public Builder symbols(SymbolMap map) {
            this.symbols = map;
            return this;
        }

        /**
         * {@return the target kernel version; the default is {@link KernelVersion#NEWEST}}
         *
         * @param version the kernel the module is for
         */
        public Builder kernel(KernelVersion version) {
            this.kernel = Objects.requireNonNull(version, "version");
            return this;
        }

        /** {@return the verifier} */
        public Verifier build() {
            return new Verifier(this);
        }
    }
}
