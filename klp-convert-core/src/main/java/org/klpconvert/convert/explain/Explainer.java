package org.klpconvert.convert.explain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.klpconvert.convert.ConversionException;
import org.klpconvert.convert.KlpFormat;
import org.klpconvert.convert.LivepatchModule;
import org.klpconvert.convert.annotation.Annotation;
import org.klpconvert.convert.annotation.Annotations;
import org.klpconvert.convert.arch.ArchHandler;
import org.klpconvert.convert.resolve.Resolution;
import org.klpconvert.convert.resolve.SymbolResolver;
import org.klpconvert.elf.Elf;
import org.klpconvert.elf.ElfFile;
import org.klpconvert.elf.ElfFormatException;
import org.klpconvert.elf.edit.ElfEditor;
import org.klpconvert.elf.edit.Relocation;
import org.klpconvert.elf.edit.Section;
import org.klpconvert.elf.edit.Symbol;
import org.klpconvert.symbols.SymbolMap;

/**
 * Applies the converter's rules to a module without converting it: the same annotation
 * checks, the same resolution (klp-convert.md 5.3) and the same refusals (5.4 and the
 * per-architecture relocation rules), but every symbol is examined, where the converter stops
 * after the first failing section. Thread-safe; the module is not changed.
 *
 * <pre>{@code
 * Explanation e = new Explainer(SymbolMap.load(Path.of("symbols.klp"))).explain(ElfFile.read(Path.of("patch.tmp.ko")));
 * e.symbols().forEach(s -> System.out.println(s.name() + ": " + s.kind().label()));
 * }</pre>
 */
public final class Explainer {
    /** How many close names a missing symbol lists. */
    private static final int CLOSEST_NAMES = 5;

    private final SymbolMap symbols;

    /**
     * An explainer against one symbols file.
     *
     * @param symbols the symbols file; a map loaded in full also finds the closest names of a
     *                missing symbol, one loaded for selected names does not
     */
    public Explainer(SymbolMap symbols) {
        this.symbols = symbols;
    }

    /**
     * Explains the conversion of {@code file}.
     *
     * @param file the livepatch module
     * @return what the converter would do with each unresolved symbol
     * @throws ElfFormatException the module cannot be opened, as the converter would report it
     * @throws IllegalArgumentException a map loaded for other names than the module's undefined ones
     */
    public Explanation explain(ElfFile file) throws ElfFormatException {
        LivepatchModule.open(file); // the converter's checks of the module, in its words
        ElfEditor editor = ElfEditor.open(file);
        Annotations annotations;
        try {
            annotations = Annotations.extract(editor);
        } catch (ConversionException e) {
            return new Explanation(file.source(), e.diagnostics(), List.of());
        }
        SymbolResolver resolver = new SymbolResolver(symbols, annotations);
        ArchHandler arch = ArchHandler.forMachine(editor.header().machine());
        Map<Symbol, List<Relocated>> uses = new LinkedHashMap<>();
        for (Section s : editor.sections()) {
            if (s.type() == Elf.SHT_RELA && !s.name().startsWith(KlpFormat.RELA_PREFIX)) {
                for (Relocation r : s.relocations().entries()) {
                    if (SymbolResolver.needsResolution(r.symbol())) {
                        uses.computeIfAbsent(r.symbol(), k -> new ArrayList<>()).add(new Relocated(s, r));
                    }
                }
            }
        }
        // Keyed by symbol, not name: two symbols may share a name, and each is explained once.
        List<SymbolExplanation> ordered = new ArrayList<>();
        for (Map.Entry<Symbol, List<Relocated>> e : uses.entrySet()) {
            ordered.add(explain(e.getKey().name(), e.getValue(), resolver, arch, editor));
        }
        return new Explanation(file.source(), List.of(), ordered);
    }

    /** A relocation with the section it is in. */
    private record Relocated(Section section, Relocation relocation) {
    }

    private SymbolExplanation explain(String name, List<Relocated> relocations, SymbolResolver resolver,
            ArchHandler arch, ElfEditor editor) {
        Optional<Annotation> annotation = resolver.annotation(name);
        if (resolver.exported(name)) {
            return new SymbolExplanation(name, Kind.EXPORTED, Optional.empty(), annotation, List.of(),
                    uses(relocations, null, arch, editor));
        }
        Resolution resolution = resolver.resolve(name);
        Optional<Resolution.Target> target = resolution.target();
        List<Use> uses = uses(relocations, target.map(Resolution.Target::object).orElse(null), arch, editor);
        Kind kind;
        List<String> closest = List.of();
        if (resolution instanceof Resolution.Ambiguous) {
            kind = Kind.AMBIGUOUS;
        } else if (resolution instanceof Resolution.BadAnnotation) {
            kind = Kind.BAD_ANNOTATION;
        } else if (resolution instanceof Resolution.Missing) {
            kind = Kind.MISSING;
            closest = symbols.isComplete() ? symbols.closestNames(name, CLOSEST_NAMES) : List.of();
        } else if (uses.stream().anyMatch(u -> u.refusal().isPresent())) {
            kind = Kind.REFUSED;
        } else {
            kind = resolution instanceof Resolution.Annotated ? Kind.ANNOTATED : Kind.UNIQUE;
        }
        return new SymbolExplanation(name, kind, Optional.of(resolution), annotation, closest, uses);
    }

    /** The uses of a symbol; refusals are judged only for a symbol that resolves to {@code object}. */
    private static List<Use> uses(List<Relocated> relocations, String object, ArchHandler arch, ElfEditor editor) {
        List<Use> uses = new ArrayList<>(relocations.size());
        for (Relocated rel : relocations) {
            Relocation r = rel.relocation();
            Optional<Refusal> refusal = Optional.empty();
            if (object != null) {
                refusal = SymbolResolver.sectionRefusal(rel.section().name(), object)
                        .map(why -> new Refusal(Refusal.Rule.SECTION, why))
                        .or(() -> arch.refusal(r, rel.section().infoSection(), editor.shape())
                                .map(why -> new Refusal(Refusal.Rule.RELOCATION_TYPE, why)));
            }
            uses.add(new Use(rel.section().name(), r.offset(), arch.typeName(r.type()), refusal));
        }
        return uses;
    }
}
