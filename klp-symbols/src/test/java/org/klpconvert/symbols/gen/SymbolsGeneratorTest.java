package org.klpconvert.symbols.gen;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.klpconvert.elf.ElfFile;
import org.klpconvert.symbols.SymbolMap;
import org.klpconvert.symbols.io.Compression;
import org.klpconvert.symbols.io.CompressedTestFiles;
import org.klpconvert.testdata.TestData;

/** End-to-end generation: module trees, compression, names, livepatch exclusion, text inputs. */
class SymbolsGeneratorTest {

    @TempDir
    Path dir;

    static byte[] generate(SymbolsGenerator generator, SymbolsGenerator.KernelInputs inputs) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        generator.generate(inputs, out);
        return out.toByteArray();
    }

    /** A module tree made of two Debian modules (one compressed, one with a dash) and a livepatch. */
    private Path moduleTree(List<Path> debian) throws IOException {
        Path tree = Files.createDirectories(dir.resolve("kernel/fs"));
        Files.copy(debian.get(0), tree.resolve("b-mod.ko"));
        byte[] second = Files.readAllBytes(debian.get(1));
        Files.write(tree.resolve("a_mod.ko.xz"), CompressedTestFiles.xz(second));
        Files.copy(TestData.conversionCases().get(0).input(), tree.resolve("klp_conv1.ko"));
        return dir.resolve("kernel");
    }

    private static List<Path> twoDebianModules() throws IOException {
        List<Path> modules = ModuleFiles.find(NmSymbolsTest.debianModules());
        return List.of(modules.get(0), modules.get(1));
    }

    @Test
    void moduleTreeGivesOneBlockPerModuleInPathOrder() throws IOException {
        List<Path> debian = twoDebianModules();
        Path tree = moduleTree(debian);
        List<int[]> progress = Collections.synchronizedList(new ArrayList<>());
        SymbolsGenerator generator = new SymbolsGenerator(GeneratorOptions.defaults().withThreads(2)
                .withListener((done, total, path) -> progress.add(new int[] {done, total})));
        List<ObjectSymbols> blocks = generator.objects(new SymbolsGenerator.KernelInputs(null, tree, null));
        assertEquals(List.of("a_mod", "b_mod"), blocks.stream().map(ObjectSymbols::object).toList());
        assertEquals(NmSymbols.sortedNames(ElfFile.read(debian.get(1)), DuplicateOrder.SYMTAB), blocks.get(0).names());
        assertEquals(NmSymbols.sortedNames(ElfFile.read(debian.get(0)), DuplicateOrder.SYMTAB), blocks.get(1).names());
        assertEquals(3, progress.size());
        assertTrue(progress.stream().anyMatch(p -> p[0] == 3 && p[1] == 3));

        List<ObjectSymbols> raw = new SymbolsGenerator(GeneratorOptions.upstream())
                .objects(new SymbolsGenerator.KernelInputs(null, tree, null));
        assertEquals(List.of("a_mod", "b-mod"), raw.stream().map(ObjectSymbols::object).toList());
    }

    @Test
    void generatedFileReadsBack() throws IOException {
        Path tree = moduleTree(twoDebianModules());
        Path map = Files.writeString(dir.resolve("System.map"), String.join("\n",
                "ffffffff82c43e6c d off", "ffffffff81000000 T _text", "ffffffff82c43de4 d off",
                "ffffffff81000010 r __ksymtab_printk", "ffffffff84083b14 b off", ""), ISO_8859_1);
        Path symvers = Files.writeString(dir.resolve("Module.symvers"),
                "0x1\tprintk\tvmlinux\tEXPORT_SYMBOL\t\n0x2\tbtrfs_x\tfs/btrfs/btrfs\tEXPORT_SYMBOL_GPL\t\n");
        byte[] file = generate(new SymbolsGenerator(GeneratorOptions.defaults()),
                new SymbolsGenerator.KernelInputs(map, tree, symvers));
        String text = new String(file, ISO_8859_1);
        assertTrue(text.startsWith("klp-convert-symbol-data.0.1\n*vmlinux\n__ksymtab_btrfs_x\n__ksymtab_printk\n"
                + "_text\noff\noff\noff\n*a_mod\n"), text.substring(0, 200));
        assertTrue(text.endsWith("\n"));
        SymbolMap symbols = SymbolMap.parse(file, "generated", null);
        assertEquals(List.of("vmlinux", "a_mod", "b_mod"), symbols.objects());
        assertTrue(symbols.exported("printk"));
        assertTrue(symbols.exported("btrfs_x"));
        assertEquals(3, symbols.count("vmlinux", "off"));
        assertFalse(symbols.objects().contains("klp_conv1"));
    }

    @Test
    void livepatchModulesAreRecognised() throws IOException {
        assertTrue(ModuleFiles.isLivepatch(ElfFile.read(TestData.conversionCases().get(0).input())));
        assertFalse(ModuleFiles.isLivepatch(ElfFile.read(twoDebianModules().get(0))));
    }

    @Test
    void objectNamesDropSuffixesAndNormaliseDashes() {
        for (String file : List.of("kvm-intel.ko", "kvm-intel.ko.xz", "kvm-intel.ko.zst", "kvm-intel.ko.gz", "kvm-intel.o")) {
            assertEquals("kvm_intel", ModuleFiles.objectName(Path.of("/x", file), false), file);
            assertEquals("kvm-intel", ModuleFiles.objectName(Path.of("/x", file), true), file);
        }
        assertEquals("a.ko.bz2", ModuleFiles.objectName(Path.of("a.ko.bz2"), true));
    }

    @Test
    void vmlinuxElfUsesAddressOrderByDefaultAndNmOrderOnRequest() throws IOException {
        Path vmlinux = TestData.conversionCases().get(0).input();
        ElfFile elf = ElfFile.read(vmlinux);
        SymbolsGenerator.KernelInputs inputs = new SymbolsGenerator.KernelInputs(vmlinux, null, null);
        assertEquals(NmSymbols.sortedNames(elf, DuplicateOrder.ADDRESS),
                new SymbolsGenerator(GeneratorOptions.defaults()).objects(inputs).get(0).names());
        assertEquals(NmSymbols.sortedNames(elf, DuplicateOrder.SYMTAB),
                new SymbolsGenerator(GeneratorOptions.upstream()).objects(inputs).get(0).names());
    }

    @Test
    void kallsymsDumpIsGroupedWithDuplicatesInKernelOrder() throws IOException {
        Path dump = Files.writeString(dir.resolve("kallsyms"), String.join("\n",
                "ffffffff82c3e3c0 d mm_slots_hash", "ffffffff82c43de4 d off", "ffffffff82c43e6c d off",
                "ffffffff83000000 r __ksymtab_printk", "ffffffff8403f320 b mm_slots_hash", "ffffffff84083b14 b off",
                "ffffffffc0002000 t wsm\t[btrfs]", "ffffffffc0001000 t wsm\t[btrfs]", "ffffffffc0003000 t a\t[btrfs]",
                "ffffffffc0100000 t x\t[af_key]", "ffffffffc0200000 t bpf_prog_1\t[bpf]",
                "ffffffffc0300000 t ftrace_trampoline\t[__builtin__ftrace]", ""), ISO_8859_1);
        List<ObjectSymbols> blocks = SymbolsGenerator.fromKallsyms(dump, null);
        assertEquals(List.of(
                new ObjectSymbols("vmlinux", List.of("__ksymtab_printk", "mm_slots_hash", "mm_slots_hash", "off", "off", "off")),
                new ObjectSymbols("af_key", List.of("x")),
                new ObjectSymbols("btrfs", List.of("a", "wsm", "wsm"))), blocks);
        Path symvers = Files.writeString(dir.resolve("Module.symvers"), "0x1\tklp_enable_patch\tvmlinux\tEXPORT_SYMBOL_GPL\t\n");
        assertEquals(List.of("__ksymtab_klp_enable_patch", "__ksymtab_printk", "mm_slots_hash", "mm_slots_hash",
                "off", "off", "off"), SymbolsGenerator.fromKallsyms(dump, symvers).get(0).names());
    }

    @Test
    void compressedModulesAreRead() throws IOException {
        byte[] plain = Files.readAllBytes(twoDebianModules().get(0));
        for (byte[] packed : List.of(CompressedTestFiles.gzip(plain), CompressedTestFiles.xz(plain),
                CompressedTestFiles.zstd(plain))) {
            assertTrue(java.util.Arrays.equals(plain, Compression.decompress(packed, "m")));
        }
    }
}
