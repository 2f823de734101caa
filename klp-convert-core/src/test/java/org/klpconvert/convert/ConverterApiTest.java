package org.klpconvert.convert;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.klpconvert.convert.support.Asm;
import org.klpconvert.convert.support.SymbolsFile;
import org.klpconvert.convert.support.Toolchain;
import org.klpconvert.elf.KlpException;
import org.klpconvert.symbols.SymbolMap;
import org.klpconvert.testdata.ConversionCase;
import org.klpconvert.testdata.TestData;
import org.klpconvert.testdata.Tools;

/** The public API: one converter, many modules and threads; file to file; the report. */
class ConverterApiTest {
    private static final SymbolsFile SYMBOLS = new SymbolsFile().object("vmlinux", "x");

    private static Map<String, Converter> convertersPerArch() throws Exception {
        Map<String, Converter> converters = new HashMap<>();
        for (String arch : TestData.conformanceArches()) {
            converters.put(arch, new Converter(SymbolMap.load(TestData.symbolsFile(arch))));
        }
        return converters;
    }

    @Test
    void oneConverterConvertsManyModulesAlsoFromManyThreads() throws Exception {
        Map<String, Converter> converters = convertersPerArch();
        List<ConversionCase> cases = TestData.conversionCases();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<byte[]>> results = new ArrayList<>();
            for (int round = 0; round < 4; round++) {
                for (ConversionCase c : cases) {
                    results.add(pool.submit(() -> converters.get(c.arch())
                            .convert(Files.readAllBytes(c.input()), c.toString()).output()));
                }
            }
            for (int i = 0; i < results.size(); i++) {
                ConversionCase c = cases.get(i % cases.size());
                assertArrayEquals(Files.readAllBytes(c.expected()), results.get(i).get(), c + " in round " + i / cases.size());
            }
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void theReportSaysWhatWasConverted() throws Exception {
        // klp-convert.md 7, the worked example
        ConversionCase c = TestData.conversionCases().stream()
                .filter(k -> k.toString().equals("x86_64/klp_conv2")).findFirst().orElseThrow();
        ConversionReport report = convertersPerArch().get("x86_64")
                .convert(Files.readAllBytes(c.input()), "klp_conv2.tmp.ko").report();
        assertEquals("klp_conv2.tmp.ko", report.module());
        assertEquals(List.of(".klp.rela.btrfs..text", ".klp.rela.vmlinux..text", ".klp.rela.vmlinux..data",
                ".klp.rela.btrfs..data"), report.newSections());
        assertEquals(8, report.moved());
        assertEquals(List.of(
                "fill_inode_item btrfs 2 .klp.sym.btrfs.fill_inode_item,2 true 2",
                "saved_command_line vmlinux 0 .klp.sym.vmlinux.saved_command_line,0 false 2",
                "c_start vmlinux 3 .klp.sym.vmlinux.c_start,3 true 1",
                "wsm btrfs 1 .klp.sym.btrfs.wsm,1 true 2",
                "nr_processes vmlinux 0 .klp.sym.vmlinux.nr_processes,0 true 1"), report.symbols().stream()
                .map(s -> s.name() + " " + s.object() + " " + s.pos() + " " + s.klpName() + " " + s.annotated() + " "
                        + s.relocations()).toList());
        assertEquals(List.of(), report.warnings());
    }

    @Test
    void fileToFileWritesTheOutputAndNothingElse(@TempDir Path dir) throws Exception {
        byte[] module = Toolchain.X86_64.assemble(Asm.x86Loads("f", "x"));
        Path in = Files.write(dir.resolve("m.tmp.ko"), module);
        Path out = dir.resolve("m.ko");
        Converter converter = new Converter(SYMBOLS.map());
        ConversionReport report = converter.convertFile(in, out);
        assertEquals(1, report.moved());
        assertArrayEquals(converter.convert(module, in.toString()).output(), Files.readAllBytes(out));
        assertArrayEquals(module, Files.readAllBytes(in));
        assertEquals(Set.of(in, out), listing(dir));
    }

    @Test
    void theOutputIsCreatedWithMode664LessTheUmask(@TempDir Path dir) throws Exception {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"), "POSIX file system");
        int umask = Integer.parseInt(Tools.run("sh", "-c", "umask").strip(), 8);
        Path in = Files.write(dir.resolve("m.tmp.ko"), Toolchain.X86_64.assemble(Asm.x86Loads("f", "x")));
        Path out = dir.resolve("m.ko");
        new Converter(SYMBOLS.map()).convertFile(in, out);
        Set<PosixFilePermission> expected = EnumSet.noneOf(PosixFilePermission.class);
        PosixFilePermission[] bits = PosixFilePermission.values(); // OWNER_READ .. OTHERS_EXECUTE, 0400 .. 0001
        for (int i = 0; i < bits.length; i++) {
            int bit = 0400 >> i;
            if ((0664 & ~umask & bit) != 0) {
                expected.add(bits[i]);
            }
        }
        assertEquals(PosixFilePermissions.toString(expected),
                PosixFilePermissions.toString(Files.getPosixFilePermissions(out)), "umask " + Integer.toOctalString(umask));
    }

    @Test
    void aFailedConversionWritesNothing(@TempDir Path dir) throws Exception {
        byte[] module = Toolchain.X86_64.assemble(Asm.x86Loads("f", "gone"));
        Path in = Files.write(dir.resolve("m.tmp.ko"), module);
        Path out = Files.writeString(dir.resolve("m.ko"), "previous output");
        Path fresh = dir.resolve("fresh.ko");
        Converter converter = new Converter(SYMBOLS.map());
        assertThrows(ConversionException.class, () -> converter.convertFile(in, out));
        assertThrows(ConversionException.class, () -> converter.convertFile(in, fresh));
        assertEquals("previous output", Files.readString(out));
        assertFalse(Files.exists(fresh));
        assertArrayEquals(module, Files.readAllBytes(in));
        assertEquals(Set.of(in, out), listing(dir));
    }

    @Test
    void anOutputThatCannotBeCreatedIsReportedWithTheReason(@TempDir Path dir) throws Exception {
        Path in = Files.write(dir.resolve("m.tmp.ko"), Toolchain.X86_64.assemble(Asm.x86Loads("f", "x")));
        Path out = dir.resolve("missing-dir").resolve("m.ko");
        KlpException e = assertThrows(KlpException.class, () -> new Converter(SYMBOLS.map()).convertFile(in, out));
        assertEquals(in + ": couldn't create " + out + ": No such file or directory", e.getMessage());
        assertEquals(Set.of(in), listing(dir));
    }

    @Test
    void inputAndOutputMayBeTheSameFile(@TempDir Path dir) throws Exception {
        byte[] module = Toolchain.X86_64.assemble(Asm.x86Loads("f", "x"));
        Path path = Files.write(dir.resolve("m.ko"), module);
        Converter converter = new Converter(SYMBOLS.map());
        converter.convertFile(path, path);
        assertArrayEquals(converter.convert(module, path.toString()).output(), Files.readAllBytes(path));
        assertEquals(Set.of(path), listing(dir));
    }

    private static Set<Path> listing(Path dir) throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            return Set.copyOf(files.toList());
        }
    }
}
