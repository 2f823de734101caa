package org.klpconvert.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.klpconvert.convert.ConversionResult;
import org.klpconvert.convert.Converter;
import org.klpconvert.elf.ElfFile;
import org.klpconvert.elf.ElfSymbol;
import org.klpconvert.elf.SectionHeader;
import org.klpconvert.symbols.SymbolMap;
import org.klpconvert.testdata.Tools;

/**
 * The shipped klp_annot.h, compiled by each architecture's real GCC, lays out the records the
 * converter reads: the annotated positions come out in the klp symbol names, and the
 * annotation sections are gone.
 */
class AnnotationHeaderTest {
    private static final String SOURCE = """
            #include "klp_annot.h"
            extern int dup;
            extern int uniq;
            int get(void) { return dup + uniq; }
            KLP_MODULE_RELOC(vmlinux) relocs[] = {
            	KLP_SYMPOS(dup, 2),
            	KLP_SYMPOS(uniq, 0),
            };
            """;

    @ParameterizedTest
    @ValueSource(strings = {"x86_64-linux-gnu-gcc", "aarch64-linux-gnu-gcc", "powerpc64le-linux-gnu-gcc",
        "powerpc-linux-gnu-gcc", "s390x-linux-gnu-gcc"})
    void theHeaderGivesTheConverterItsPositions(String gcc, @TempDir Path dir) throws Exception {
        String compiler = gcc.startsWith("x86_64") && Tools.find(gcc).isEmpty() ? "gcc" : gcc;
        assumeTrue(Tools.available(compiler), Tools.reason(compiler));
        Files.write(dir.resolve("klp_annot.h"), HeaderCommand.header());
        Files.writeString(dir.resolve("patch.c"), SOURCE);
        Path object = dir.resolve("patch.o");
        Tools.run(compiler, "-O2", "-fno-pic", "-fno-pie", "-c", "-I", dir.toString(), "-o", object.toString(),
                dir.resolve("patch.c").toString());
        SymbolMap symbols = SymbolMap.parse("klp-convert-symbol-data.0.1\n*vmlinux\ndup\ndup\nuniq\n"
                .getBytes(StandardCharsets.ISO_8859_1), "symbols.klp", null);
        ConversionResult result = new Converter(symbols).convert(Files.readAllBytes(object), object.toString());
        ElfFile out = ElfFile.parse(result.output(), "patch.ko");
        List<String> klp = out.symbols().stream().map(ElfSymbol::name).filter(n -> n.startsWith(".klp.sym."))
                .sorted().toList();
        assertEquals(List.of(".klp.sym.vmlinux.dup,2", ".klp.sym.vmlinux.uniq,0"), klp);
        assertFalse(out.sections().stream().map(SectionHeader::name).anyMatch(n -> n.contains("module_relocs")));
    }
}
