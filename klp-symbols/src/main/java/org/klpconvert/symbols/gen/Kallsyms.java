package org.klpconvert.symbols.gen;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads a {@code /proc/kallsyms} dump: lines {@code <addr> <type> <name>} for vmlinux and
 * {@code <addr> <type> <name>\t[<module>]} for modules.
 *
 * <p>The kernel counts sympos in this very order: vmlinux lines are sorted by address, and a
 * module's lines follow its own symbol table (real-kernel-test.md §11.2). So each object's
 * names are sorted byte-wise with equal names kept in file order. {@code __ksymtab_} lines
 * come through as they are. A line of another shape is refused with the file and line
 * ({@link GeneratorInputException}). The pseudo-modules of BPF programs and ftrace trampolines
 * ({@code [bpf]}, {@code [__builtin__ftrace]}) are not objects and are skipped.
 */
public final class Kallsyms {

    private static final String VMLINUX = "vmlinux";

    private Kallsyms() {
    }

    /**
     * One symbol line of a dump.
     *
     * @param address the address as printed (hex digits; zeros when kptr_restrict hides them)
     * @param type    nm's type letter
     * @param name    the symbol name
     * @param object  {@code vmlinux} or the module name
     */
    public record Line(String address, String type, String name, String object) {
    }

    /**
     * {@return whether {@code firstLine} looks like a kallsyms line ({@code <hex> <type> <name>})}
     *
     * @param firstLine the file's first line
     */
    public static boolean looksLikeKallsyms(String firstLine) {
        return firstLine.matches("[0-9a-fA-F]+ \\S+ \\S+.*");
    }

    /**
     * {@return the symbol lines of the dump in file order, pseudo-modules left out}
     *
     * @param dump the {@code /proc/kallsyms} text
     * @throws IOException if the file cannot be read; a {@link GeneratorInputException} naming
     *                     the file and line when a line is not
     *                     {@code <address> <type> <name>[\t[<module>]]}, or the file has no
     *                     line at all
     */
    public static List<Line> lines(Path dump) throws IOException {
        List<TextInputs.Line> texts = TextInputs.lines(dump);
        if (texts.isEmpty()) {
            throw new GeneratorInputException(dump.toString(), 0, "not a kallsyms dump: no symbol lines");
        }
        List<Line> lines = new ArrayList<>();
        for (TextInputs.Line line : texts) {
            String[] fields = line.text().split(" ", 3);
            int tab = fields.length == 3 ? fields[2].indexOf('\t') : -1;
            String name = fields.length != 3 ? "" : tab < 0 ? fields[2] : fields[2].substring(0, tab);
            String module = tab < 0 ? null : fields[2].substring(tab + 1);
            if (fields.length != 3 || !TextInputs.isAddress(fields[0]) || !TextInputs.isType(fields[1])
                    || !TextInputs.isName(name) || module != null && !isModuleField(module)) {
                throw line.malformed("kallsyms (<address> <type> <name>[\\t[<module>]])");
            }
            String object = module == null ? VMLINUX : moduleName(module);
            if (object != null) {
                lines.add(new Line(fields[0], fields[1], name, object));
            }
        }
        return lines;
    }

    /**
     * {@return the objects of the dump: vmlinux first, then the modules in byte-wise order of name}
     *
     * @param dump the {@code /proc/kallsyms} text
     * @throws IOException if a file cannot be read or written
     */
    public static List<ObjectSymbols> read(Path dump) throws IOException {
        Map<String, List<String>> byObject = new TreeMap<>(Comparator
                .comparing((String o) -> !o.equals(VMLINUX)).thenComparing(Comparator.naturalOrder()));
        for (Line line : lines(dump)) {
            byObject.computeIfAbsent(line.object(), o -> new ArrayList<>()).add(line.name());
        }
        List<ObjectSymbols> result = new ArrayList<>();
        byObject.forEach((object, names) -> {
            names.sort(Comparator.naturalOrder()); // stable: equal names stay in kallsyms order
            result.add(new ObjectSymbols(object, names));
        });
        return result;
    }

    /** {@code [<name>]} with a name of the module name characters. */
    private static boolean isModuleField(String field) {
        return field.length() > 2 && field.startsWith("[") && field.endsWith("]")
                && TextInputs.isName(field.substring(1, field.length() - 1)) && field.indexOf(']') == field.length() - 1;
    }

    /** {@code [btrfs]} gives {@code btrfs}; pseudo-modules give {@code null}. */
    private static String moduleName(String field) {
        String name = field.substring(1, field.length() - 1);
        return name.equals("bpf") || name.startsWith("__builtin__") ? null : name;
    }
}
