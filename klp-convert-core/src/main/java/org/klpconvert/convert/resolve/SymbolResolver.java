package org.klpconvert.convert.resolve;

import java.util.List;
import java.util.Optional;

import org.klpconvert.convert.KlpFormat;
import org.klpconvert.convert.annotation.Annotation;
import org.klpconvert.convert.annotation.Annotations;
import org.klpconvert.elf.Elf;
import org.klpconvert.elf.edit.Symbol;
import org.klpconvert.symbols.SymbolEntry;
import org.klpconvert.symbols.SymbolMap;

/**
 * The v7 rules that decide a relocation's fate: whether its symbol needs the symbols file at
 * all (5.2), where the name resolves (5.3), and whether its relocation section may hold a
 * livepatch relocation for that object (5.4). Stateless apart from its inputs; the converter
 * caches successes per symbol as C does.
 */
public final class SymbolResolver {
    private static final String TOC_BASE = ".TOC.";
    /** Relocation section name prefixes converted for every object (klp-convert.md 5.4). */
    private static final List<String> ALLOWED_FOR_ALL =
            List.of(".rela.data", ".rela.rodata", ".rela.sdata", ".rela.text", ".rela.toc");
    /** Converted only for vmlinux: module objects are patched after jump labels are set up. */
    private static final String VMLINUX_ONLY = ".rela__jump_table";

    /** The rule {@link #sectionRefusal} applies, as told to an author. */
    public static final String SECTION_RULE = "livepatch relocations are converted only in sections named "
            + String.join("*, ", ALLOWED_FOR_ALL) + "*, and in " + VMLINUX_ONLY + " for vmlinux symbols";

    private final SymbolMap symbols;
    private final Annotations annotations;

    /**
     * A resolver for one module.
     *
     * @param symbols     the symbols file
     * @param annotations the module's annotations, already extracted and checked
     */
    public SymbolResolver(SymbolMap symbols, Annotations annotations) {
        this.symbols = symbols;
        this.annotations = annotations;
    }

    /**
     * {@return whether a relocation's symbol is an unresolved reference the symbols file must answer for
     * (klp-convert.md 5.2); exported names are the caller's next test} Also skipped, unlike C:
     * absolute and common symbols (D14) and symbols already converted (D10).
     *
     * @param sym a symbol of the module
     */
    public static boolean needsResolution(Symbol sym) {
        if (sym == null || sym.isDefined()) {
            return false;
        }
        int shndx = sym.specialIndex();
        if (shndx == Elf.SHN_ABS || shndx == Elf.SHN_COMMON || shndx == Elf.SHN_LIVEPATCH) {
            return false;
        }
        return !sym.name().equals(TOC_BASE);
    }

    /**
     * {@return whether some {@code __ksymtab_<name>} line exists: such a name stays a normal relocation}
     *
     * @param name a symbol name
     */
    public boolean exported(String name) {
        return symbols.exported(name);
    }

    /**
     * {@return the annotation that decides {@code name}, if any (the last one loaded)}
     *
     * @param name a symbol name
     */
    public Optional<Annotation> annotation(String name) {
        return annotations.forSymbol(name);
    }

    /**
     * {@return where a non-exported unresolved name resolves (klp-convert.md 5.3)}
     *
     * @param name an undefined symbol's name
     */
    public Resolution resolve(String name) {
        Optional<Annotation> annotation = annotations.forSymbol(name);
        if (annotation.isPresent()) {
            Annotation a = annotation.get();
            int count = symbols.count(a.object(), name);
            if (a.pos() == 0 && count != 1 || a.pos() > count) {
                return new Resolution.BadAnnotation(a, count, symbols.matches(name));
            }
            return new Resolution.Annotated(a);
        }
        List<SymbolEntry> matches = symbols.matches(name);
        if (matches.size() == 1) {
            return new Resolution.Unique(matches.get(0).object());
        }
        return matches.isEmpty() ? new Resolution.Missing() : new Resolution.Ambiguous(matches);
    }

    /**
     * {@return why a relocation in {@code relaSection} cannot become a livepatch relocation for
     * {@code object}, or empty when it can (klp-convert.md 5.4, a prefix test)}
     *
     * @param relaSection the relocation section
     * @param object the object its symbols belong to
     */
    public static Optional<String> sectionRefusal(String relaSection, String object) {
        for (String prefix : ALLOWED_FOR_ALL) {
            if (relaSection.startsWith(prefix)) {
                return Optional.empty();
            }
        }
        if (relaSection.equals(VMLINUX_ONLY)) {
            return object.equals(KlpFormat.VMLINUX) ? Optional.empty()
                    : Optional.of(VMLINUX_ONLY + " entries of a module object are refused: the kernel applies its"
                            + " livepatch relocations after that module's jump labels are set up");
        }
        return Optional.of(relaSection + " is not a section livepatch relocations may patch");
    }
}
