package org.klpconvert.cli;

import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.Callable;

import org.klpconvert.elf.ElfFile;
import org.klpconvert.elf.ElfFormatException;
import org.klpconvert.elf.dump.DumpOption;
import org.klpconvert.elf.dump.ReadelfDump;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * Prints ELF objects as GNU {@code readelf -W} (binutils 2.40) does, with readelf's option
 * letters; without one, {@code -h -S -s -r}. Objects are mapped, not read, so that a
 * gigabyte-sized debug {@code vmlinux} needs little heap.
 */
@Command(name = "dump", description = "Dump ELF objects like readelf -W (binutils 2.40); no option: -h -S -s -r.",
        sortOptions = false)
final class DumpCommand implements Callable<Integer> {
    @Option(names = {"-h", "--file-header"}, description = "The ELF file header.")
    boolean fileHeader;
    @Option(names = {"-S", "--section-headers", "--sections"}, description = "The section headers.")
    boolean sections;
    @Option(names = {"-l", "--program-headers", "--segments"}, description = "The program headers.")
    boolean segments;
    @Option(names = {"-d", "--dynamic"}, description = "The dynamic section.")
    boolean dynamic;
    @Option(names = {"-r", "--relocs"}, description = "The relocations.")
    boolean relocations;
    @Option(names = {"-s", "--syms", "--symbols"}, description = "The symbol tables.")
    boolean symbols;
    @Option(names = "--dyn-syms", description = "The dynamic symbol table.")
    boolean dynamicSymbols;
    @Option(names = {"-V", "--version-info"}, description = "The symbol versioning sections.")
    boolean versionInfo;
    @Option(names = {"-n", "--notes"}, description = "The notes.")
    boolean notes;
    @Option(names = {"-W", "--wide"}, description = "Accepted for readelf compatibility: output is always wide.")
    boolean wide;
    // -h and -V are readelf's letters here, so help and version have their long names only
    @Option(names = "--help", usageHelp = true, description = "Show this help message and exit.")
    boolean help;
    @Option(names = "--version", versionHelp = true, description = "Print version information and exit.")
    boolean version;

    @Parameters(arity = "1..*", paramLabel = "OBJECT", description = "ELF objects to dump.")
    Path[] objects;

    @Option(names = "--json", description = "Print one JSON document instead: header, sections, symbols and"
            + " relocations whatever the letters (schema klp-tool/dump, docs/json.md).")
    boolean json;

    @Spec
    CommandSpec spec;

    /** {@code --json}: every object is read first, so a bad file leaves no half document. */
    private int printJson() throws Exception {
        java.util.List<ElfFile> files = new java.util.ArrayList<>();
        for (Path object : objects) {
            files.add(ElfFile.read(object));
        }
        try (JsonOutput doc = new JsonOutput(spec.commandLine().getOut(), "dump", DumpJson.VERSION)) {
            doc.generator().writeArrayFieldStart("objects");
            for (ElfFile file : files) {
                DumpJson.write(doc.generator(), file);
            }
            doc.generator().writeEndArray();
        }
        return KlpTool.OK;
    }

    Set<DumpOption> options() {
        Set<DumpOption> set = EnumSet.noneOf(DumpOption.class);
        add(set, fileHeader, DumpOption.FILE_HEADER);
        add(set, sections, DumpOption.SECTION_HEADERS);
        add(set, segments, DumpOption.PROGRAM_HEADERS);
        add(set, dynamic, DumpOption.DYNAMIC);
        add(set, relocations, DumpOption.RELOCATIONS);
        add(set, symbols, DumpOption.SYMBOLS);
        add(set, dynamicSymbols, DumpOption.DYNAMIC_SYMBOLS);
        add(set, versionInfo, DumpOption.VERSION_INFO);
        add(set, notes, DumpOption.NOTES);
        return set.isEmpty() ? DumpOption.DEFAULT : set;
    }

    private static void add(Set<DumpOption> set, boolean asked, DumpOption option) {
        if (asked) {
            set.add(option);
        }
    }

    @Override
    public Integer call() throws Exception {
        if (json) {
            return printJson();
        }
        Set<DumpOption> options = options();
        PrintStream stdout = System.out;
        Writer out = new BufferedWriter(new OutputStreamWriter(stdout, StandardCharsets.ISO_8859_1), 1 << 16);
        try {
            for (Path object : objects) {
                if (objects.length > 1) {
                    out.write("\nFile: " + object + "\n");
                }
                try {
                    ReadelfDump.write(ElfFile.map(object), options, out);
                } catch (InternalError e) {
                    // A mapped page vanished: the file was truncated while we read it.
                    throw new ElfFormatException(object.toString(), -1, "file changed (shrank) while being read");
                }
            }
        } finally {
            out.flush();
        }
        return KlpTool.OK;
    }
}
