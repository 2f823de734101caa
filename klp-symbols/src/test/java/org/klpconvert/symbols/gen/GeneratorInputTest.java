package org.klpconvert.symbols.gen;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.klpconvert.elf.io.InputFileException;
import org.klpconvert.symbols.io.CompressedTestFiles;
import org.klpconvert.symbols.io.DecompressionException;

/**
 * Issue 9, findings 6 and 7: the generator refuses inputs that are not what the option says,
 * with the file and line, instead of writing blocks of empty or odd names.
 */
class GeneratorInputTest {
    @TempDir
    Path dir;

    private List<ObjectSymbols> vmlinux(Path file) throws IOException {
        return new SymbolsGenerator(GeneratorOptions.defaults()).objects(new SymbolsGenerator.KernelInputs(file, null, null));
    }

    @Test
    void anEmptyVmlinuxIsNeitherElfNorSystemMap() throws IOException {
        Path empty = Files.write(dir.resolve("vmlinux"), new byte[0]);
        assertEquals(empty + ": neither an ELF object nor a System.map: no symbol lines",
                assertThrows(GeneratorInputException.class, () -> vmlinux(empty)).getMessage());
    }

    @Test
    void devNullAsVmlinuxIsRefused() {
        assertEquals("/dev/null: not a regular file (a character device)",
                assertThrows(InputFileException.class, () -> vmlinux(Path.of("/dev/null"))).getMessage());
    }

    @Test
    void aTextFileAsVmlinuxIsRefusedAtItsFirstLine() throws IOException {
        Path text = Files.writeString(dir.resolve("README"), "This is not a System.map\n", ISO_8859_1);
        assertEquals(text + ":1: not a System.map (<address> <type> <name>) line: 'This is not a System.map'",
                assertThrows(GeneratorInputException.class, () -> vmlinux(text)).getMessage());
    }

    @Test
    void malformedKallsymsLinesAreRefusedWithTheLine() throws IOException {
        for (String bad : List.of("ffffffff81000000 T", "[", "]", "ffffffff81000000 T x\t[", "xyz T name",
                "ffffffff81000000 T a b")) {
            Path dump = Files.writeString(dir.resolve("kallsyms"), "ffffffff81000000 T _text\n" + bad + "\n", ISO_8859_1);
            GeneratorInputException e = assertThrows(GeneratorInputException.class,
                    () -> SymbolsGenerator.fromKallsyms(dump, null), bad);
            assertEquals(2, e.line(), bad);
            assertTrue(e.getMessage().startsWith(dump + ":2: not a kallsyms"), e.getMessage());
        }
    }

    @Test
    void binarySymversIsRefusedInsteadOfNamesWithNul() throws IOException {
        Path dump = Files.writeString(dir.resolve("kallsyms"), "ffffffff81000000 T _text\n", ISO_8859_1);
        Path symvers = Files.write(dir.resolve("Module.symvers"), new byte[] {0x7f, 'E', 'L', 'F', 0, 0, '\t', 0, '\n'});
        GeneratorInputException e = assertThrows(GeneratorInputException.class,
                () -> SymbolsGenerator.fromKallsyms(dump, symvers));
        assertTrue(e.getMessage().startsWith(symvers + ":1: not a Module.symvers"), e.getMessage());
        assertTrue(e.getMessage().contains("\\x00"), "a NUL is shown, not printed: " + e.getMessage());
    }

    @Test
    void sixBombsOnSixThreadsAreRefusedWithTheFileNamed() throws IOException {
        Path tree = Files.createDirectories(dir.resolve("kernel"));
        byte[] bomb = CompressedTestFiles.zstd(new byte[64 << 20]);
        for (int i = 0; i < 6; i++) {
            Files.write(tree.resolve("bomb" + i + ".ko.zst"), bomb);
        }
        String old = System.setProperty(org.klpconvert.symbols.io.Compression.MAX_SIZE_PROPERTY, Long.toString(32L << 20));
        try {
            DecompressionException e = assertThrows(DecompressionException.class,
                    () -> new SymbolsGenerator(GeneratorOptions.defaults().withThreads(6))
                            .objects(new SymbolsGenerator.KernelInputs(null, tree, null)));
            assertTrue(e.getMessage().matches(".*/bomb\\d\\.ko\\.zst: zstd data expand to more than 33554432 bytes.*"),
                    e.getMessage());
        } finally {
            if (old == null) {
                System.clearProperty(org.klpconvert.symbols.io.Compression.MAX_SIZE_PROPERTY);
            } else {
                System.setProperty(org.klpconvert.symbols.io.Compression.MAX_SIZE_PROPERTY, old);
            }
        }
    }
}
