package org.klpconvert.cli;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.klpconvert.elf.ElfFile;
import org.klpconvert.elf.kmod.ModuleInfo;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Prints a kernel module's {@code .modinfo} fields as kmod's {@code modinfo FILE} does, or one
 * field's values as {@code modinfo -F}, or the {@code __versions} CRC table as
 * {@code modprobe --dump-modversions}.
 */
@Command(name = "modinfo", mixinStandardHelpOptions = true,
        description = "Show a kernel module's .modinfo fields like kmod's modinfo, or its modversions CRCs.")
final class ModinfoCommand implements Callable<Integer> {
    @Option(names = {"-F", "--field"}, paramLabel = "FIELD", description = "Print only this field's values, one a line.")
    String field;

    @Option(names = "--modversions", description = "Print the __versions CRC table (0x<crc><TAB><symbol>), as modprobe --dump-modversions.")
    boolean modversions;

    @Parameters(arity = "1..*", paramLabel = "MODULE", description = "Kernel module files (.ko).")
    Path[] modules;

    @Override
    public Integer call() throws Exception {
        // Field values are bytes (ISO-8859-1 strings); print them as the same bytes, as kmod does.
        PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.ISO_8859_1));
        for (Path module : modules) {
            ModuleInfo info = ModuleInfo.of(ElfFile.read(module));
            if (modversions) {
                out.print(info.modversionsText());
            } else if (field != null) {
                if (field.equals("filename")) {
                    out.print(module.toAbsolutePath() + "\n");
                }
                for (String value : info.values(field)) {
                    out.print(value + "\n");
                }
            } else {
                out.print(info.modinfoText(module.toAbsolutePath().toString()));
            }
        }
        out.flush();
        return KlpTool.OK;
    }
}
