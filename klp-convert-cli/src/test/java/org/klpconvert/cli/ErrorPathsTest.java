package org.klpconvert.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.RandomAccessFile;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.klpconvert.testdata.ConversionCase;
import org.klpconvert.testdata.TestData;
import picocli.CommandLine;

/**
 * Issue 9: the error paths of both command lines, one test per finding, each asserting the
 * message's shape (the file named, the reason said, no class name, no {@code null}) and the
 * exit status. Paths that need a separate process (flushing before exit, the heap) are in
 * {@code ErrorPathsIT}.
 */
class ErrorPathsTest {
    /** Words that must never reach a user: a class name or a missing value. */
    private static final Pattern PROGRAMMER = Pattern.compile("Exception|java\\.|(?<!/dev/)\\bnull\\b|\\tat ");

    @TempDir
    Path dir;

    private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();
    private final StringWriter toolErr = new StringWriter();
    private final StringWriter toolOut = new StringWriter();

    private int convert(String... args) {
        return KlpConvert.run(args, new PrintStream(stderr, true, StandardCharsets.ISO_8859_1));
    }

    private String convertErr() {
        String text = stderr.toString(StandardCharsets.ISO_8859_1);
        assertFalse(PROGRAMMER.matcher(text).find(), text);
        return text;
    }

    private int tool(String... args) {
        CommandLine cl = KlpTool.commandLine();
        cl.setErr(new PrintWriter(toolErr, true));
        cl.setOut(new PrintWriter(toolOut, true));
        return cl.execute(args);
    }

    private String toolErr() {
        String text = toolErr.toString();
        assertFalse(PROGRAMMER.matcher(text).find(), text);
        return text;
    }

    private static ConversionCase x86() {
        return TestData.conversionCases().stream().filter(c -> c.toString().equals("x86_64/klp_conv1")).findFirst()
                .orElseThrow();
    }

    private Path fifo(String name) throws Exception {
        Path fifo = dir.resolve(name);
        assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor());
        return fifo;
    }

    private static boolean isOther(Path p) throws Exception {
        return Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).isOther();
    }

    // 1. output to a device or FIFO replaces it

    @Test
    void finding1ConvertRefusesToReplaceAFifo() throws Exception {
        Path out = fifo("out.ko");
        ConversionCase c = x86();
        assertEquals(255, convert(c.symbols().toString(), c.input().toString(), out.toString()));
        assertEquals(c.input() + ": couldn't create " + out + ": not a regular file (a FIFO); it was left alone\n",
                convertErr());
        assertTrue(isOther(out));
    }

    @Test
    void finding1SymbolsRefusesToReplaceAFifo() throws Exception {
        Path out = fifo("symbols.klp");
        Path dump = Files.writeString(dir.resolve("kallsyms"), "ffffffff81000000 T _text\n");
        assertEquals(1, tool("symbols", "--kallsyms", dump.toString(), "-o", out.toString()));
        assertTrue(toolErr().contains("couldn't create " + out + ": not a regular file (a FIFO)"), toolErr());
        assertTrue(isOther(out));
    }

    // 4. devices, FIFOs and 2 GiB files as the module

    @Test
    void finding4DevZeroAsTheModuleIsRefusedAtOnce() {
        assertEquals(255, convert(x86().symbols().toString(), "/dev/zero", dir.resolve("o.ko").toString()));
        assertEquals("klp-convert: /dev/zero: not a regular file (a character device)\n"
                + "klp-convert: Unable to read elf file /dev/zero\n\n", convertErr());
    }

    @Test
    void finding4AFifoAsTheModuleDoesNotBlock() throws Exception {
        Path in = fifo("in.ko");
        assertEquals(255, convert(x86().symbols().toString(), in.toString(), dir.resolve("o.ko").toString()));
        assertTrue(convertErr().startsWith("klp-convert: " + in + ": not a regular file (a FIFO)\n"), convertErr());
    }

    /**
     * A FIFO as the symbols file is refused by every subcommand with its kind named, and the
     * exit status is that of an unreadable file (1), except for verify, where 1 means findings
     * and an input it cannot use is 3.
     */
    @Test
    void finding4AFifoAsTheSymbolsFileGetsOneMessageAndStatusEverywhere() throws Exception {
        Path fifo = fifo("symbols.klp");
        String module = x86().input().toString();
        String expected = "klp-tool: " + fifo + ": not a regular file (a FIFO)\n";
        String[][] commands = {
            {"explain", "-s", fifo.toString(), module},
            {"symbols", "query", "-s", fifo.toString(), "foo"},
            {"convert", "-s", fifo.toString(), module, "-o", dir.resolve("o.ko").toString()},
        };
        for (String[] command : commands) {
            toolErr.getBuffer().setLength(0);
            assertEquals(1, tool(command), String.join(" ", command));
            assertEquals(expected, toolErr.toString(), String.join(" ", command));
        }
        toolErr.getBuffer().setLength(0);
        assertEquals(3, tool("verify", "--symbols", fifo.toString(), module));
        assertEquals(expected, toolErr.toString());
        assertFalse(Files.exists(dir.resolve("o.ko")));
    }

    @Test
    void finding5AModuleOf2GiBIsRefusedWithoutAskingForHeap() throws Exception {
        Path big = dir.resolve("big.ko");
        try (RandomAccessFile f = new RandomAccessFile(big.toFile(), "rw")) {
            f.setLength(3L << 30);
        }
        assertEquals(255, convert(x86().symbols().toString(), big.toString(), dir.resolve("o.ko").toString()));
        assertTrue(convertErr().startsWith("klp-convert: " + big + ": 3221225472 bytes: files of 2 GiB or more"
                + " cannot be read"), convertErr());
        assertFalse(convertErr().contains("give the JVM more heap"));
        assertEquals(1, tool("dump", big.toString()));
        assertTrue(toolErr().contains(big + ": 3221225472 bytes: files of 2 GiB or more cannot be read"), toolErr());
    }

    // 5. messages

    @Test
    void finding5ABombSymbolsFileIsNamedWithTheReason() throws Exception {
        java.io.ByteArrayOutputStream packed = new java.io.ByteArrayOutputStream();
        try (java.util.zip.GZIPOutputStream gz = new java.util.zip.GZIPOutputStream(packed)) {
            gz.write(new byte[64 << 20]);
        }
        byte[] bomb = packed.toByteArray();
        Path symbols = Files.write(dir.resolve("symbols.klp"), bomb);
        String old = System.setProperty(org.klpconvert.symbols.io.Compression.MAX_SIZE_PROPERTY, Long.toString(1 << 20));
        try {
            assertEquals(255, convert(symbols.toString(), x86().input().toString(), dir.resolve("o.ko").toString()));
        } finally {
            if (old == null) {
                System.clearProperty(org.klpconvert.symbols.io.Compression.MAX_SIZE_PROPERTY);
            } else {
                System.setProperty(org.klpconvert.symbols.io.Compression.MAX_SIZE_PROPERTY, old);
            }
        }
        assertEquals("klp-convert: Symbol list is in unknown format.\n"
                + "klp-convert: " + symbols + ": gzip data expand to more than 1048576 bytes (raise the bound with"
                + " -Dklpconvert.maxDecompressedSize=<bytes>)\n", convertErr());
    }

    @Test
    void finding5AWrappedAccessDeniedNamesThePathWithoutTheClass() {
        assertEquals("/lib/modules/x: Permission denied",
                KlpTool.describe(new UncheckedIOException(new AccessDeniedException("/lib/modules/x"))));
    }

    @Test
    void finding5ADirectoryAsTheModuleIsNamed() {
        assertEquals(255, convert(x86().symbols().toString(), dir.toString(), dir.resolve("o.ko").toString()));
        assertTrue(convertErr().startsWith("klp-convert: " + dir + ": not a regular file (a directory)\n"), convertErr());
    }

    @Test
    void finding5KallsymsGarbageExits3WithFileAndLine() throws Exception {
        Path dump = Files.writeString(dir.resolve("kallsyms"), "ffffffff81000000 T _text\ngarbage\n");
        assertEquals(3, tool("symbols", "--kallsyms", dump.toString(), "-o", dir.resolve("s.klp").toString()));
        assertEquals("klp-tool: " + dump + ":2: not a kallsyms (<address> <type> <name>[\\t[<module>]]) line:"
                + " 'garbage'\n", toolErr());
        assertFalse(Files.exists(dir.resolve("s.klp")));
    }

    // 7. the generator on garbage

    @Test
    void finding7AnEmptyVmlinuxExits3AndWritesNothing() throws Exception {
        Path empty = Files.write(dir.resolve("vmlinux"), new byte[0]);
        Path out = dir.resolve("s.klp");
        assertEquals(3, tool("symbols", "--vmlinux", empty.toString(), "-o", out.toString()));
        assertEquals("klp-tool: " + empty + ": neither an ELF object nor a System.map: no symbol lines\n", toolErr());
        assertFalse(Files.exists(out));
        assertEquals(1, tool("symbols", "--vmlinux", "/dev/null", "-o", out.toString()));
        assertTrue(toolErr().contains("/dev/null: not a regular file (a character device)"), toolErr());
        assertFalse(Files.exists(out));
    }

    // 9. output paths

    @Test
    void finding9ATrailingSlashIsRefusedAndCreatesNothing() {
        ConversionCase c = x86();
        String out = dir.resolve("newdir") + "/";
        assertEquals(255, convert(c.symbols().toString(), c.input().toString(), out));
        assertEquals(c.input() + ": couldn't create " + out + ": Is a directory\n", convertErr());
        assertFalse(Files.exists(dir.resolve("newdir")));
    }

    @Test
    void finding9AnEmptyOutputPathIsRefused() {
        ConversionCase c = x86();
        assertEquals(255, convert(c.symbols().toString(), c.input().toString(), ""));
        assertEquals(c.input() + ": couldn't create '': No such file or directory\n", convertErr());
    }

    // 10. smaller

    @Test
    void finding10VerifyExits3OnAnUnreadableFile() {
        assertEquals(3, tool("verify", dir.toString()));
        assertEquals("klp-tool: " + dir + ": not a regular file (a directory)\n", toolErr());
    }

    @Test
    void finding10SymversAloneIsAccepted() throws Exception {
        Path symvers = Files.writeString(dir.resolve("Module.symvers"), "0x1\tprintk\tvmlinux\tEXPORT_SYMBOL\t\n");
        Path out = dir.resolve("s.klp");
        assertEquals(0, tool("symbols", "--symvers", symvers.toString(), "-o", out.toString()), toolErr());
        assertEquals("klp-convert-symbol-data.0.1 order=address\n*vmlinux\n__ksymtab_printk\n", Files.readString(out));
        assertEquals(2, tool("symbols", "-o", out.toString()));
    }

    @Test
    void finding10ClusteredVerbosityIsAccepted() {
        ConversionCase c = x86();
        assertEquals(0, convert("-vvv", c.symbols().toString(), c.input().toString(), dir.resolve("o.ko").toString()));
        assertTrue(convertErr().contains("c_start -> .klp.sym.vmlinux.c_start,2"), convertErr());
        assertEquals(0, tool("verify", "-vvv", dir.resolve("o.ko").toString()), toolErr());
    }
}
