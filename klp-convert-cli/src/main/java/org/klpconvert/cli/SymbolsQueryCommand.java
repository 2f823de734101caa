package org.klpconvert.cli;

import static java.nio.charset.StandardCharsets.ISO_8859_1;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.core.JsonGenerator;
import org.klpconvert.symbols.DuplicateOrigin;
import org.klpconvert.symbols.SymbolEntry;
import org.klpconvert.symbols.SymbolMap;
import org.klpconvert.symbols.gen.Kallsyms;
import org.klpconvert.symbols.gen.SymbolsGenerator;
import org.klpconvert.symbols.io.Compression;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * Looks names up in a symbols file, or directly in a {@code /proc/kallsyms} dump: every
 * occurrence with its object, the position that selects it, its address (kallsyms only),
 * whether the name is exported, and the annotation lines to paste. Exit 0 when every name was
 * found, 1 otherwise.
 */
@Command(name = "query", mixinStandardHelpOptions = true,
        description = "Show every occurrence of each NAME in a symbols file or a /proc/kallsyms dump, with the"
                + " KLP_MODULE_RELOC/KLP_SYMPOS lines that select it.")
final class SymbolsQueryCommand implements Callable<Integer> {
    /** Version of the {@code klp-tool/symbols-query} JSON schema (docs/json.md). */
    static final int JSON_VERSION = 1;

    @Spec
    CommandSpec spec;

    @Option(names = {"-s", "--symbols"}, required = true, paramLabel = "SYMBOLS",
            description = "A symbols.klp (may be compressed) or a /proc/kallsyms dump.")
    Path symbols;

    @Option(names = "--json", description = "Print one JSON document (schema klp-tool/symbols-query, docs/json.md).")
    boolean json;

    @Parameters(arity = "1..*", paramLabel = "NAME", description = "Symbol names.")
    List<String> names;

    /** One occurrence of a name. */
    private record Occurrence(SymbolEntry entry, Optional<Kallsyms.Line> line) {
    }

    @Override
    public Integer call() throws Exception {
        SymbolMap map;
        DuplicateOrigin order;
        Map<List<String>, List<Kallsyms.Line>> addresses = new HashMap<>();
        // a FIFO, device or directory is refused there, named with its kind
        byte[] head = Compression.readAll(symbols);
        String firstLine = new String(head, 0, Math.min(head.length, 200), ISO_8859_1).lines().findFirst().orElse("");
        if (Kallsyms.looksLikeKallsyms(firstLine)) {
            for (Kallsyms.Line line : Kallsyms.lines(symbols)) {
                addresses.computeIfAbsent(List.of(line.object(), line.name()), k -> new ArrayList<>()).add(line);
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(1 << 20);
            SymbolsGenerator.write(Kallsyms.read(symbols), DuplicateOrigin.KALLSYMS, bytes);
            map = SymbolMap.parse(bytes.toByteArray(), symbols.toString(), null);
            order = DuplicateOrigin.KALLSYMS;
        } else {
            map = SymbolMap.parse(head, symbols.toString(), null);
            order = map.duplicateOrigin();
        }
        Map<String, List<Occurrence>> found = new java.util.LinkedHashMap<>();
        for (String name : names) {
            List<Occurrence> occurrences = new ArrayList<>();
            Map<String, Integer> seen = new HashMap<>();
            for (SymbolEntry e : map.matches(name)) {
                int k = seen.merge(e.object(), 1, Integer::sum) - 1;
                List<Kallsyms.Line> lines = addresses.getOrDefault(List.of(e.object(), name), List.of());
                occurrences.add(new Occurrence(e, k < lines.size() ? Optional.of(lines.get(k)) : Optional.empty()));
            }
            found.put(name, occurrences);
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            writeJson(out, map, order, found);
        } else {
            out.print(text(map, order, found));
            out.flush();
        }
        return found.entrySet().stream().allMatch(e -> !e.getValue().isEmpty() || map.exported(e.getKey()))
                ? KlpTool.OK : KlpTool.FAILED;
    }

    /** What the order of the file means for the positions shown. */
    private static String orderNote(DuplicateOrigin order) {
        return switch (order) {
            case KALLSYMS -> "positions count in /proc/kallsyms order, as the kernel does";
            case ADDRESS -> "positions count in address order (vmlinux) and symbol-table order (modules),"
                    + " as the kernel does";
            case UNSTATED -> "the file does not say how copies of a name are ordered (kbuild lists them in nm"
                    + " order): a position may name another copy than /proc/kallsyms would; query a kallsyms"
                    + " dump of the target to be sure";
        };
    }

    private static String text(SymbolMap map, DuplicateOrigin order, Map<String, List<Occurrence>> found) {
        StringBuilder s = new StringBuilder();
        s.append(map.source()).append(": ").append(orderNote(order)).append('\n');
        found.forEach((name, occurrences) -> {
            boolean exported = map.exported(name);
            s.append(name).append(": ").append(occurrences.size()).append(occurrences.size() == 1 ? " occurrence"
                    : " occurrences").append(exported ? ", exported (a livepatch uses it directly; no annotation)"
                            : ", not exported").append('\n');
            for (Occurrence o : occurrences) {
                SymbolEntry e = o.entry();
                s.append("    ").append(e.object()).append(", position ").append(e.sympos());
                o.line().ifPresent(l -> s.append(", address ").append(l.address()).append(" (").append(l.type())
                        .append(')'));
                s.append('\n');
                s.append("        KLP_MODULE_RELOC(").append(e.object()).append(")\n");
                s.append("        KLP_SYMPOS(").append(name).append(", ").append(e.sympos()).append(")\n");
            }
        });
        return s.toString();
    }

    private static void writeJson(PrintWriter out, SymbolMap map, DuplicateOrigin order,
            Map<String, List<Occurrence>> found) throws IOException {
        try (JsonOutput doc = new JsonOutput(out, "symbols-query", JSON_VERSION)) {
            JsonGenerator g = doc.generator();
            g.writeStringField("symbols_file", map.source());
            g.writeStringField("order", order == DuplicateOrigin.UNSTATED ? "unstated" : order.word());
            g.writeBooleanField("kernel_order", order.kernelOrder());
            g.writeArrayFieldStart("names");
            for (Map.Entry<String, List<Occurrence>> e : found.entrySet()) {
                g.writeStartObject();
                g.writeStringField("name", e.getKey());
                g.writeBooleanField("exported", map.exported(e.getKey()));
                g.writeArrayFieldStart("occurrences");
                for (Occurrence o : e.getValue()) {
                    g.writeStartObject();
                    g.writeStringField("object", o.entry().object());
                    g.writeNumberField("pos", o.entry().sympos());
                    if (o.line().isPresent()) {
                        g.writeStringField("address", o.line().get().address());
                        g.writeStringField("type", o.line().get().type());
                    }
                    g.writeStringField("klp_module_reloc", "KLP_MODULE_RELOC(" + o.entry().object() + ")");
                    g.writeStringField("klp_sympos", "KLP_SYMPOS(" + e.getKey() + ", " + o.entry().sympos() + ")");
                    g.writeEndObject();
                }
                g.writeEndArray();
                g.writeEndObject();
            }
            g.writeEndArray();
        }
    }
}
