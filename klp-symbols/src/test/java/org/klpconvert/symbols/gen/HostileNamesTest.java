package org.klpconvert.symbols.gen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.klpconvert.elf.ElfFile;
import org.klpconvert.elf.ElfFormatException;
import org.klpconvert.elf.KlpException;
import org.klpconvert.elf.edit.ElfEditor;
import org.klpconvert.elf.edit.LayoutPolicy;
import org.klpconvert.elf.edit.Section;
import org.klpconvert.elf.edit.Symbol;
import org.klpconvert.symbols.SymbolFileWriter;

/** A symbol name must never turn into other lines of the symbols file. */
class HostileNamesTest {

    @TempDir
    Path dir;

    /** A copy of a real module whose symbol {@code index} of {@code .symtab} is renamed. */
    private Path moduleWithName(int index, String name) throws IOException {
        Path original = ModuleFiles.find(NmSymbolsTest.debianModules()).get(0);
        ElfEditor editor = ElfEditor.open(ElfFile.read(original));
        Section symtab = editor.section(".symtab").orElseThrow();
        Symbol symbol = symtab.symbols().symbols().get(index);
        editor.rename(symtab, symbol, name);
        Path tree = Files.createDirectories(dir.resolve("kernel"));
        Files.write(tree.resolve("evil.ko"), editor.write(LayoutPolicy.PRESERVE));
        return tree;
    }

    /** The first symbol nm would list, so it is one the generator writes. */
    private static int listedIndex() throws IOException {
        Path original = ModuleFiles.find(NmSymbolsTest.debianModules()).get(0);
        return NmSymbols.listed(ElfFile.read(original)).get(0).index();
    }

    @Test
    void aModuleSymbolThatWouldInjectLinesIsRefused() throws IOException {
        int index = listedIndex();
        for (String name : List.of("x\n*vmlinux\n__ksymtab_foo", "*vmlinux")) {
            Path tree = moduleWithName(index, name);
            ElfFormatException e = assertThrows(ElfFormatException.class, () -> new SymbolsGenerator(
                    GeneratorOptions.defaults()).generate(new SymbolsGenerator.KernelInputs(null, tree, null),
                    new ByteArrayOutputStream()));
            assertEquals(tree.resolve("evil.ko").toString(), e.file());
            assertTrue(e.reason().contains("symbol " + index), e.reason());
        }
    }

    @Test
    void aCarriageReturnStaysInItsLineAndIsWritten() throws IOException {
        // the reader keeps '\r' in a name, so such a line means what it says
        Path tree = moduleWithName(listedIndex(), "x\r");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new SymbolsGenerator(GeneratorOptions.defaults()).generate(new SymbolsGenerator.KernelInputs(null, tree, null),
                out);
        assertTrue(out.toString(java.nio.charset.StandardCharsets.ISO_8859_1).contains("\nx\r\n"));
    }

    @Test
    void theWriterRefusesLinesThatWouldReadBackDifferently() throws IOException {
        SymbolFileWriter writer = new SymbolFileWriter(new ByteArrayOutputStream());
        writer.header("klp-convert-symbol-data.0.1");
        assertThrows(KlpException.class, () -> writer.symbol("a\nb"));
        assertThrows(KlpException.class, () -> writer.symbol("*obj"));
        assertThrows(KlpException.class, () -> writer.object("a\nb"));
        assertThrows(KlpException.class, () -> writer.exported("a\nb"));
        writer.object("*odd"); // "**odd" reads back as the object "*odd"
        writer.symbol("__ksymtab_x"); // nm output copied verbatim: reads back as an export
    }
}
