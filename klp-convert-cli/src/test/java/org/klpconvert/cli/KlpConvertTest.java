package org.klpconvert.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.klpconvert.testdata.ConversionCase;
import org.klpconvert.testdata.TestData;

/** The three-path command line in process: arguments, messages, exit status, output file. */
class KlpConvertTest {
    private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();
    private final PrintStream err = new PrintStream(stderr, true, StandardCharsets.ISO_8859_1);

    private int run(String... args) {
        return KlpConvert.run(args, err);
    }

    private String stderr() {
        return stderr.toString(StandardCharsets.ISO_8859_1);
    }

    private static ConversionCase x86Conv1() {
        return TestData.conversionCases().stream().filter(c -> c.toString().equals("x86_64/klp_conv1")).findFirst()
                .orElseThrow();
    }

    @Test
    void anyOtherArgumentCountPrintsTheUsageLineAndExits255() {
        assertEquals(255, run("a", "b"));
        assertEquals("Usage: klp-convert <symbols.klp> <input.ko> <output.ko>\n", stderr());
        stderr.reset();
        assertEquals(255, run("a", "b", "c", "d"));
        assertEquals(255, run());
    }

    @Test
    void withExactlyThreeArgumentsAnOptionLookingFirstArgumentIsTheSymbolsPath(@TempDir Path dir) {
        String input = dir.resolve("absent.ko").toString();
        assertEquals(255, run("-v", input, dir.resolve("out.ko").toString()));
        assertTrue(stderr().startsWith("open: No such file or directory\n"), stderr());
    }

    @Test
    void theUsageLineNamesTheProgramAsInvoked() {
        String before = System.getProperty(KlpConvert.PROGRAM_PROPERTY);
        System.setProperty(KlpConvert.PROGRAM_PROPERTY, "scripts/livepatch/klp-convert");
        try {
            run("x");
            assertEquals("Usage: scripts/livepatch/klp-convert <symbols.klp> <input.ko> <output.ko>\n", stderr());
        } finally {
            if (before == null) {
                System.clearProperty(KlpConvert.PROGRAM_PROPERTY);
            } else {
                System.setProperty(KlpConvert.PROGRAM_PROPERTY, before);
            }
        }
    }

    @Test
    void successIsSilentAndTheOutputHasMode0664MinusUmask(@TempDir Path dir) throws Exception {
        ConversionCase c = x86Conv1();
        Path out = dir.resolve("out.ko");
        assertEquals(0, run(c.symbols().toString(), c.input().toString(), out.toString()));
        assertEquals("", stderr());
        assertArrayEquals(Files.readAllBytes(c.expected()), Files.readAllBytes(out));
        Set<PosixFilePermission> perms = Files.getPosixFilePermissions(out);
        assertTrue(perms.contains(PosixFilePermission.OWNER_READ) && perms.contains(PosixFilePermission.OWNER_WRITE));
        assertFalse(perms.contains(PosixFilePermission.OWNER_EXECUTE) || perms.contains(PosixFilePermission.OTHERS_WRITE),
                perms.toString());
        try (var files = Files.list(dir)) {
            assertEquals(1, files.count(), "no temporary file left behind");
        }
    }

    @Test
    void inputAndOutputMayBeTheSamePath(@TempDir Path dir) throws Exception {
        ConversionCase c = x86Conv1();
        Path module = dir.resolve("m.ko");
        Files.copy(c.input(), module);
        assertEquals(0, run(c.symbols().toString(), module.toString(), module.toString()), stderr());
        assertArrayEquals(Files.readAllBytes(c.expected()), Files.readAllBytes(module));
    }

    @Test
    void aFailedConversionCreatesNoFileAndLeavesAnExistingOneAlone(@TempDir Path dir) throws Exception {
        ConversionCase c = x86Conv1();
        Path symbols = dir.resolve("symbols.klp");
        Files.writeString(symbols, "klp-convert-symbol-data.0.1\n*vmlinux\n");
        Path out = dir.resolve("out.ko");
        assertEquals(255, run(symbols.toString(), c.input().toString(), out.toString()));
        assertFalse(Files.exists(out));
        assertTrue(stderr().contains("klp-convert: Unable to find missing symbol: "), stderr());
        Files.writeString(out, "previous");
        assertEquals(255, run(symbols.toString(), c.input().toString(), out.toString()));
        assertEquals("previous", Files.readString(out));
    }

    @Test
    void anOutputThatIsASymlinkIsWrittenThroughLikeCreatDoes(@TempDir Path dir) throws Exception {
        ConversionCase c = x86Conv1();
        Path real = Files.writeString(dir.resolve("real.ko"), "old");
        Path link = Files.createSymbolicLink(dir.resolve("link.ko"), real);
        assertEquals(0, run(c.symbols().toString(), c.input().toString(), link.toString()), stderr());
        assertTrue(Files.isSymbolicLink(link));
        assertArrayEquals(Files.readAllBytes(c.expected()), Files.readAllBytes(real));
    }

    @Test
    void aMissingInputIsReportedLikeTheCTool(@TempDir Path dir) {
        String input = dir.resolve("absent.ko").toString();
        assertEquals(255, run("symbols.klp", input, dir.resolve("out.ko").toString()));
        assertEquals("open: No such file or directory\nklp-convert: Unable to read elf file " + input + "\n\n",
                stderr());
    }

    @Test
    void aBadModuleIsReportedBeforeABadSymbolsFile(@TempDir Path dir) throws Exception {
        Path module = Files.writeString(dir.resolve("text.ko"), "not an object\n");
        assertEquals(255, run(dir.resolve("absent.klp").toString(), module.toString(), dir.resolve("o").toString()));
        assertTrue(stderr().startsWith(module + ": not an ELF file"), stderr());
        assertFalse(stderr().contains("Symbol list"), stderr());
    }

    @Test
    void verboseReportsWhatWasConverted(@TempDir Path dir) {
        ConversionCase c = x86Conv1();
        assertEquals(0, run("-v", c.symbols().toString(), c.input().toString(), dir.resolve("o.ko").toString()));
        assertTrue(stderr().contains("c_start -> .klp.sym.vmlinux.c_start,2"), stderr());
    }
}
