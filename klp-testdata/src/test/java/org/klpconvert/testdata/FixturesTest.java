package org.klpconvert.testdata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The klpt_* fixture tree written by {@code klp-testdata/cross-dev build}: one folder per
 * architecture with every module's pre-conversion object, the symbols file and BUILD-INFO.
 */
class FixturesTest {

    private static final List<String> MODULES = List.of("klpt_annot", "klpt_basic", "klpt_data",
            "klpt_keys", "klpt_many", "klpt_modobj", "klpt_sections");

    private static final List<String> BUILD_INFO_KEYS = List.of("arch:", "compiler:", "binutils:",
            "headers:", "vermagic:");

    @ParameterizedTest
    @ValueSource(strings = {"x86_64", "arm64", "ppc64le", "s390", "ppc32"})
    void archFolderIsComplete(String arch) throws IOException {
        Path dir = TestData.root().resolve("fixtures").resolve(arch);
        assertTrue(Files.isDirectory(dir), dir + " missing");

        Set<String> modules;
        try (Stream<Path> files = Files.list(dir)) {
            modules = files.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".tmp.ko"))
                    .map(n -> n.substring(0, n.length() - ".tmp.ko".length()))
                    .collect(Collectors.toCollection(TreeSet::new));
        }
        assertEquals(new TreeSet<>(MODULES), modules, arch + " modules");

        List<String> info = Files.readAllLines(dir.resolve("BUILD-INFO"), StandardCharsets.UTF_8);
        assertEquals("arch: " + arch, info.get(0));
        for (String key : BUILD_INFO_KEYS) {
            assertTrue(info.stream().anyMatch(l -> l.startsWith(key) && l.length() > key.length() + 1),
                    arch + " BUILD-INFO lacks " + key);
        }

        List<String> symbols = Files.readAllLines(dir.resolve("symbols.klp"), StandardCharsets.ISO_8859_1);
        assertEquals("klp-convert-symbol-data.0.1", symbols.get(0));
        assertEquals("*vmlinux", symbols.get(1));
        assertTrue(symbols.contains("__ksymtab_klp_enable_patch"), arch + " symbols.klp exports");
        assertTrue(symbols.contains("*btrfs") && symbols.contains("*binfmt_misc")
                && symbols.contains("*sunrpc"), arch + " symbols.klp module objects");

        for (String module : MODULES) {
            assertElfHeader(arch, dir.resolve(module + ".tmp.ko"));
        }
    }

    /** Class, byte order and e_machine of each architecture's objects. */
    private static void assertElfHeader(String arch, Path file) throws IOException {
        byte[] h = new byte[20];
        try (InputStream in = Files.newInputStream(file)) {
            assertEquals(20, in.readNBytes(h, 0, 20), file + " too short");
        }
        assertTrue(h[0] == 0x7f && h[1] == 'E' && h[2] == 'L' && h[3] == 'F', file + " not ELF");
        int elfClass = h[4];
        boolean bigEndian = h[5] == 2;
        int type = bigEndian ? (h[16] & 0xff) << 8 | (h[17] & 0xff) : (h[17] & 0xff) << 8 | (h[16] & 0xff);
        int machine = bigEndian ? (h[18] & 0xff) << 8 | (h[19] & 0xff) : (h[19] & 0xff) << 8 | (h[18] & 0xff);
        assertEquals(1, type, file + " is not ET_REL");
        switch (arch) {
            case "x86_64" -> assertHeader(file, elfClass, bigEndian, machine, 2, false, 62);
            case "arm64" -> assertHeader(file, elfClass, bigEndian, machine, 2, false, 183);
            case "ppc64le" -> assertHeader(file, elfClass, bigEndian, machine, 2, false, 21);
            case "s390" -> assertHeader(file, elfClass, bigEndian, machine, 2, true, 22);
            case "ppc32" -> assertHeader(file, elfClass, bigEndian, machine, 1, true, 20);
            default -> throw new AssertionError(arch);
        }
    }

    private static void assertHeader(Path file, int elfClass, boolean bigEndian, int machine,
            int wantClass, boolean wantBig, int wantMachine) {
        assertEquals(wantClass, elfClass, file + " ELF class");
        assertEquals(wantBig, bigEndian, file + " byte order");
        assertEquals(wantMachine, machine, file + " e_machine");
    }
}
