package org.klpconvert.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.klpconvert.elf.ElfFile;
import org.klpconvert.elf.dump.ReadelfDump;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** Prints header, sections, symbols and relocations as GNU {@code readelf -W -h -S -s -r} does. */
@Command(name = "dump", mixinStandardHelpOptions = true, description = "Dump ELF objects like readelf -W -h -S -s -r (binutils 2.40).")
final class DumpCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "OBJECT", description = "ELF objects to dump.")
    Path[] objects;

    @Override
    public Integer call() throws Exception {
        for (Path object : objects) {
            System.out.print(ReadelfDump.of(ElfFile.read(object)));
        }
        return KlpTool.OK;
    }
}
