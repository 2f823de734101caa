package org.klpconvert.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.klpconvert.elf.ElfFile;
import org.klpconvert.elf.dump.ReadelfDump;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Prints header, sections, symbols and relocations as GNU {@code readelf -W -h -S -s -r} does. */
@Command(name = "dump", mixinStandardHelpOptions = true, description = "Dump ELF objects like readelf -W -h -S -s -r (binutils 2.40).")
final class DumpCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "OBJECT", description = "ELF objects to dump.")
    Path[] objects;

    @Option(names = "--json", description = "Print one JSON document instead (schema klp-tool/dump, docs/json.md).")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (json) {
            java.util.List<ElfFile> files = new java.util.ArrayList<>();
            for (Path object : objects) {
                files.add(ElfFile.read(object)); // all read first: a bad file leaves no half document
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
        for (Path object : objects) {
            System.out.print(ReadelfDump.of(ElfFile.read(object)));
        }
        return KlpTool.OK;
    }
}
