package org.klpconvert.cli;

import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonGenerator;
import org.klpconvert.convert.annotation.Annotation;
import org.klpconvert.convert.explain.Explanation;
import org.klpconvert.convert.explain.Kind;
import org.klpconvert.convert.explain.SymbolExplanation;
import org.klpconvert.convert.explain.Use;
import org.klpconvert.convert.resolve.Resolution;
import org.klpconvert.convert.resolve.SymbolResolver;
import org.klpconvert.symbols.SymbolEntry;

/** Renders an {@link Explanation}: text for {@code explain} and {@code convert --dry-run}, or JSON. */
final class ExplanationReport {
    /** Version of the {@code klp-tool/explain} JSON schema (docs/json.md). */
    static final int JSON_VERSION = 1;

    private ExplanationReport() {
    }

    /** The text report: one block per symbol, then a summary line. */
    static String text(Explanation e) {
        StringBuilder out = new StringBuilder();
        if (!e.annotationProblems().isEmpty()) {
            out.append(e.module()).append(": the KLP_MODULE_RELOC/KLP_SYMPOS annotations are invalid;"
                    + " the conversion stops before resolving any symbol:\n");
            e.annotationProblems().forEach(d -> out.append("    ").append(d.render().strip()).append('\n'));
        }
        for (SymbolExplanation s : e.symbols()) {
            out.append(s.name()).append(": ").append(s.kind().label()).append('\n');
            for (String line : reasons(s)) {
                out.append("    ").append(line).append('\n');
            }
            for (Use u : s.uses()) {
                out.append("    at ").append(u.section()).append("+0x").append(Long.toHexString(u.offset()))
                        .append(' ').append(u.type());
                u.refusal().ifPresent(r -> out.append(": refused by the ").append(r.rule().label())
                        .append(" rule: ").append(r.reason()));
                out.append('\n');
            }
        }
        out.append(e.module()).append(": ").append(summary(e)).append('\n');
        return out.toString();
    }

    /** {@code N unresolved symbols (a unique, b exported, ...): the conversion would succeed|fail}. */
    private static String summary(Explanation e) {
        Map<Kind, Integer> counts = new EnumMap<>(Kind.class);
        e.symbols().forEach(s -> counts.merge(s.kind(), 1, Integer::sum));
        List<String> parts = new ArrayList<>();
        counts.forEach((kind, n) -> parts.add(n + " " + kind.label()));
        if (!e.annotationProblems().isEmpty()) {
            return "invalid annotations: the conversion would fail";
        }
        return e.symbols().size() + " unresolved symbol" + (e.symbols().size() == 1 ? "" : "s")
                + (parts.isEmpty() ? "" : " (" + String.join(", ", parts) + ")")
                + (e.conversionSucceeds() ? ": the conversion would succeed" : ": the conversion would fail");
    }

    /** Why the symbol gets its outcome, and what to do when it is fatal. */
    private static List<String> reasons(SymbolExplanation s) {
        List<String> lines = new ArrayList<>();
        Optional<Resolution> resolution = s.resolution();
        switch (s.kind()) {
            case EXPORTED -> {
                lines.add("exported (a __ksymtab_" + s.name() + " line): stays a normal relocation,"
                        + " which the module loader resolves");
                s.annotation().ifPresent(a -> lines.add("the annotation " + sympos(a) + " in KLP_MODULE_RELOC("
                        + a.object() + ") is ignored: an exported name is never converted"));
            }
            case UNIQUE -> lines.add("not exported, listed once in the symbols file, under " + target(s).object()
                    + ": becomes " + s.klpName().orElseThrow());
            case ANNOTATED -> {
                Annotation a = s.annotation().orElseThrow();
                lines.add("annotated with " + sympos(a) + " in KLP_MODULE_RELOC(" + a.object() + "), and "
                        + a.object() + " has " + (a.pos() == 0 ? "exactly one" : "at least " + a.pos())
                        + " of that name: becomes " + s.klpName().orElseThrow());
            }
            case AMBIGUOUS -> {
                List<SymbolEntry> candidates = ((Resolution.Ambiguous) resolution.orElseThrow()).candidates();
                lines.add("not exported and listed " + candidates.size() + " times in the symbols file,"
                        + " with no annotation; choose the one to patch against and annotate it:");
                candidates.forEach(c -> lines.add("    KLP_MODULE_RELOC(" + c.object() + ") KLP_SYMPOS("
                        + c.name() + ", " + c.sympos() + ")"));
            }
            case BAD_ANNOTATION -> {
                Resolution.BadAnnotation bad = (Resolution.BadAnnotation) resolution.orElseThrow();
                Annotation a = bad.annotation();
                lines.add("annotated with " + sympos(a) + " in KLP_MODULE_RELOC(" + a.object() + "), but "
                        + (bad.count() == 0 ? a.object() + " has no non-exported symbol of that name (check the"
                                + " object name; a module must be loaded when kallsyms is taken)"
                                : a.object() + " has " + bad.count() + " symbol" + (bad.count() == 1 ? "" : "s")
                                        + " of that name" + (bad.zeroOnDuplicate() ? ": position 0 means exactly one"
                                                : ": the position is larger than that")));
                if (bad.candidates().isEmpty()) {
                    lines.add("no object of the symbols file has a non-exported symbol of that name");
                } else {
                    lines.add("valid choices:");
                    bad.candidates().forEach(c -> lines.add("    KLP_MODULE_RELOC(" + c.object() + ") KLP_SYMPOS("
                            + c.name() + ", " + c.sympos() + ")"));
                }
            }
            case MISSING -> {
                lines.add("not in the symbols file, exported or not: the target kernel has no symbol of that"
                        + " name (or the file is for another kernel)");
                if (!s.closestNames().isEmpty()) {
                    lines.add("closest names in the file: " + String.join(", ", s.closestNames()));
                }
            }
            case REFUSED -> lines.add("resolves to " + s.klpName().orElseThrow() + ", but a relocation against it"
                    + " cannot become a livepatch relocation (" + SymbolResolver.SECTION_RULE
                    + "; the kernel applies only some relocation types)");
            default -> throw new IllegalStateException("unknown kind " + s.kind());
        }
        return lines;
    }

    private static Resolution.Target target(SymbolExplanation s) {
        return s.target().orElseThrow();
    }

    private static String sympos(Annotation a) {
        return "KLP_SYMPOS(" + a.symbol() + ", " + Long.toUnsignedString(a.pos()) + ")";
    }

    /** Writes one module's explanation as a JSON object (schema klp-tool/explain, docs/json.md). */
    static void json(JsonGenerator json, Explanation e) throws IOException {
        json.writeStartObject();
        json.writeStringField("module", e.module());
        json.writeBooleanField("conversion_succeeds", e.conversionSucceeds());
        JsonOutput.stringArray(json, "annotation_problems",
                e.annotationProblems().stream().map(d -> d.render().strip()).toList());
        json.writeArrayFieldStart("symbols");
        for (SymbolExplanation s : e.symbols()) {
            symbol(json, s);
        }
        json.writeEndArray();
        json.writeEndObject();
    }

    private static void symbol(JsonGenerator json, SymbolExplanation s) throws IOException {
        json.writeStartObject();
        json.writeStringField("name", s.name());
        json.writeStringField("kind", s.kind().label());
        json.writeBooleanField("fatal", s.kind().fatal());
        if (s.target().isPresent()) {
            json.writeStringField("object", s.target().get().object());
            json.writeNumberField("pos", s.target().get().pos());
            json.writeStringField("klp_name", s.klpName().orElseThrow());
        }
        if (s.annotation().isPresent()) {
            Annotation a = s.annotation().get();
            json.writeObjectFieldStart("annotation");
            json.writeStringField("object", a.object());
            json.writeNumberField("pos", a.pos());
            json.writeBooleanField("ignored", s.kind() == Kind.EXPORTED);
            json.writeEndObject();
        }
        Optional<Resolution> resolution = s.resolution();
        if (resolution.isPresent() && resolution.get() instanceof Resolution.BadAnnotation bad) {
            json.writeNumberField("count_in_object", bad.count());
        }
        List<SymbolEntry> candidates = resolution.map(ExplanationReport::candidates).orElse(List.of());
        if (s.kind() == Kind.AMBIGUOUS || s.kind() == Kind.BAD_ANNOTATION) {
            json.writeArrayFieldStart("candidates");
            for (SymbolEntry c : candidates) {
                json.writeStartObject();
                json.writeStringField("object", c.object());
                json.writeNumberField("pos", c.sympos());
                json.writeEndObject();
            }
            json.writeEndArray();
        }
        if (s.kind() == Kind.MISSING) {
            JsonOutput.stringArray(json, "closest_names", s.closestNames());
        }
        json.writeArrayFieldStart("relocations");
        for (Use u : s.uses()) {
            json.writeStartObject();
            json.writeStringField("section", u.section());
            json.writeNumberField("offset", u.offset());
            json.writeStringField("type", u.type());
            if (u.refusal().isPresent()) {
                json.writeObjectFieldStart("refusal");
                json.writeStringField("rule", u.refusal().get().rule().label());
                json.writeStringField("reason", u.refusal().get().reason());
                json.writeEndObject();
            }
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeEndObject();
    }

    private static List<SymbolEntry> candidates(Resolution r) {
        if (r instanceof Resolution.Ambiguous a) {
            return a.candidates();
        }
        return r instanceof Resolution.BadAnnotation b ? b.candidates() : List.of();
    }
}
