package org.klpconvert.convert;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.klpconvert.convert.annotation.Annotation;
import org.klpconvert.convert.annotation.Annotations;
import org.klpconvert.convert.arch.ArchHandler;
import org.klpconvert.convert.diag.Diagnostic;
import org.klpconvert.convert.resolve.Resolution;
import org.klpconvert.convert.resolve.Resolution.Target;
import org.klpconvert.convert.resolve.SymbolResolver;
import org.klpconvert.elf.Elf;
import org.klpconvert.elf.ElfFormatException;
import org.klpconvert.elf.edit.ElfEditor;
import org.klpconvert.elf.edit.Relocation;
import org.klpconvert.elf.edit.RelocationTable;
import org.klpconvert.elf.edit.Section;
import org.klpconvert.elf.edit.Symbol;
import org.klpconvert.symbols.CandidateListing;
import org.klpconvert.symbols.SymbolEntry;
import org.klpconvert.symbols.SymbolMap;

/**
 * One conversion of one module: the state the C tool keeps in globals lives here, so a
 * {@link Converter} can run many of these, also at once.
 */
final class ConversionRun {
    private final ElfEditor editor;
    private final SymbolMap symbols;
    private final ArchHandler arch;
    private final String moduleName;
    private final Section symtab;
    private final Map<Symbol, Target> resolved = new IdentityHashMap<>();
    private final Map<String, Section> klpSections = new HashMap<>();
    private final List<Diagnostic> warnings = new ArrayList<>();
    private final Set<String> ignoredAnnotations = new HashSet<>();
    private SymbolResolver resolver;
    private int moved;

    ConversionRun(LivepatchModule module, SymbolMap symbols) {
        this.editor = module.editor();
        this.symbols = symbols;
        this.moduleName = module.name();
        this.arch = ArchHandler.forMachine(editor.header().machine());
        this.symtab = module.symbolTable();
    }

    /** Converts the module's model in place; writing it is the caller's choice (array or stream). */
    ConversionReport run() throws ConversionException, ElfFormatException {
        resolver = new SymbolResolver(symbols, Annotations.extract(editor));
        for (Section s : editor.sections()) {
            if (s.name().startsWith(KlpFormat.RELA_PREFIX)) {
                klpSections.put(s.name(), s);
            }
        }
        // The list grows while we walk it: new klp sections are appended and skipped by name.
        for (int i = 0; i < editor.sections().size(); i++) {
            Section s = editor.sections().get(i);
            if (s.type() == Elf.SHT_RELA && !s.name().startsWith(KlpFormat.RELA_PREFIX)) {
                convertSection(s);
            }
        }
        List<ConvertedSymbol> converted = renameSymbols();
        // the sections the writer will add belong to the report
        editor.addMissingExtendedIndexTables();
        List<String> created = new ArrayList<>();
        for (Section s : editor.sections()) {
            if (s.original() == null) {
                created.add(s.name());
            }
        }
        return new ConversionReport(moduleName, converted, created, moved, warnings);
    }

    private void convertSection(Section relaSection) throws ConversionException {
        List<Diagnostic> errors = new ArrayList<>();
        // Identity matters: two entries may be equal field by field.
        Map<Relocation, Section> marked = new IdentityHashMap<>();
        List<Relocation> order = new ArrayList<>();
        for (Relocation r : relaSection.relocations().entries()) {
            Symbol sym = r.symbol();
            if (!SymbolResolver.needsResolution(sym)) {
                continue;
            }
            if (resolver.exported(sym.name())) {
                warnIfAnnotated(sym);
                continue;
            }
            Optional<Target> target = resolve(sym, errors);
            if (target.isEmpty()) {
                errors.add(Diagnostic.missingSymbol(sym.name()));
                continue;
            }
            String object = target.get().object();
            if (SymbolResolver.sectionRefusal(relaSection.name(), object).isPresent()) {
                errors.add(Diagnostic.unsupportedSection(sym.name(), relaSection.name(), object));
                continue;
            }
            Optional<String> refusal = arch.refusal(r, relaSection.infoSection(), editor.shape());
            if (refusal.isPresent()) {
                errors.add(Diagnostic.unsupportedRelocation(arch.typeName(r.type()), relaSection.name(), r.offset(),
                        sym.name(), refusal.get()));
                continue;
            }
            marked.put(r, klpSection(object, relaSection.infoSection()));
            order.add(r);
        }
        if (!errors.isEmpty()) {
            throw new ConversionException(errors);
        }
        if (marked.isEmpty()) {
            return;
        }
        // Move in original order to the tail of each klp section (v7 appends).
        relaSection.relocations().removeIf(marked::containsKey);
        for (Relocation r : order) {
            marked.get(r).relocations().add(r);
        }
        moved += marked.size();
    }

    /** B12: an annotation cannot force an exported name; C ignores it silently, -v says so. */
    private void warnIfAnnotated(Symbol sym) {
        Optional<Annotation> annotation = resolver.annotation(sym.name());
        if (annotation.isPresent() && ignoredAnnotations.add(sym.name())) {
            Annotation a = annotation.get();
            warnings.add(Diagnostic.warning("annotation for exported symbol ignored: " + a.object() + "."
                    + a.symbol() + "," + a.pos()));
        }
    }

    /**
     * Object and position of an unresolved symbol (klp-convert.md 5.3). Successes are cached
     * per symbol; failures are reported again for every relocation, as C does.
     */
    private Optional<Target> resolve(Symbol sym, List<Diagnostic> errors) {
        Target cached = resolved.get(sym);
        if (cached != null) {
            return Optional.of(cached);
        }
        String name = sym.name();
        Resolution resolution = resolver.resolve(name);
        if (resolution instanceof Resolution.Ambiguous ambiguous) {
            errors.add(Diagnostic.defineSympos(name));
            addListing(name, ambiguous.candidates(), errors);
        } else if (resolution instanceof Resolution.BadAnnotation bad) {
            Annotation a = bad.annotation();
            errors.add(bad.zeroOnDuplicate() ? Diagnostic.symposZeroAmbiguous(bad.count(), a.object(), name)
                    : Diagnostic.symposNoMatch(a.object(), name, a.pos()));
            addListing(name, bad.candidates(), errors);
        }
        Optional<Target> target = resolution.target();
        target.ifPresent(t -> resolved.put(sym, t));
        return target;
    }

    private static void addListing(String name, List<SymbolEntry> candidates, List<Diagnostic> errors) {
        if (!candidates.isEmpty()) {
            errors.add(new Diagnostic.Listing(CandidateListing.render(name, candidates)));
        }
    }

    /**
     * The klp section for (object, base), created after all sections on first use. One that
     * is already in the input (D10) is reused only if it really holds RELA entries for that
     * base against {@code .symtab}; moving entries into anything else would corrupt them.
     */
    private Section klpSection(String object, Section base) throws ConversionException {
        String name = KlpFormat.relaSectionName(object, base.name());
        Section s = klpSections.get(name);
        if (s != null) {
            if (s.type() != Elf.SHT_RELA || !(s.content() instanceof RelocationTable table) || !table.isRela()
                    || s.infoSection() != base || s.link() != symtab) {
                throw new ConversionException(List.of(Diagnostic.existingSectionUnusable(name, base.name())));
            }
            s.setFlags(s.flags() | Elf.SHF_RELA_LIVEPATCH);
            return s;
        }
        s = editor.addSection(name, Elf.SHT_RELA, Elf.SHF_ALLOC | Elf.SHF_RELA_LIVEPATCH,
                new RelocationTable(true, List.of()));
        s.setEntsize(editor.shape().relaSize());
        s.setAddralign(editor.shape().is64() ? 8 : 4);
        s.setLink(symtab);
        s.setInfoSection(base);
        klpSections.put(name, s);
        return s;
    }

    /** Renames resolved symbols in symbol-table order, so new strings are appended in that order. */
    private List<ConvertedSymbol> renameSymbols() {
        Map<Symbol, Integer> uses = new IdentityHashMap<>();
        for (Section s : klpSections.values()) {
            // Only the sections entries were moved to hold relocations; another section may
            // merely have a .klp.rela. name.
            if (s.content() instanceof RelocationTable table) {
                for (Relocation r : table.entries()) {
                    uses.merge(r.symbol(), 1, Integer::sum);
                }
            }
        }
        List<ConvertedSymbol> converted = new ArrayList<>();
        for (Symbol sym : symtab.symbols().symbols()) {
            Target res = resolved.get(sym);
            if (res == null) {
                continue;
            }
            String original = sym.name();
            String klpName = KlpFormat.symbolName(res.object(), original, res.pos());
            editor.rename(symtab, sym, klpName);
            sym.setSpecialIndex(Elf.SHN_LIVEPATCH);
            converted.add(new ConvertedSymbol(original, res.object(), res.pos(), klpName, res.annotated(),
                    uses.getOrDefault(sym, 0)));
        }
        return converted;
    }
}
