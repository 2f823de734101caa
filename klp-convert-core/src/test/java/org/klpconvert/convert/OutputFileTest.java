package org.klpconvert.convert;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.klpconvert.elf.KlpException;

/**
 * Issue 9, findings 1 and 9: the output is written only to a regular file or a new path,
 * whole, with the mode and hard links C's {@code creat} would keep, and a temporary name
 * that fits {@code NAME_MAX}.
 */
class OutputFileTest {
    private static final byte[] DATA = {1, 2, 3, 4};

    @TempDir
    Path dir;

    private static void run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).inheritIO().start();
        assertEquals(0, p.waitFor(), String.join(" ", command));
    }

    private static BasicFileAttributes attributes(Path p) throws IOException {
        return Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    }

    private Set<String> names() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return Set.copyOf(files.map(p -> p.getFileName().toString()).toList());
        }
    }

    private KlpException refused(String target) {
        return assertThrows(KlpException.class, () -> OutputFile.writeAtomically(target, DATA, "in.ko"));
    }

    /**
     * Streamed content that fails half-way (the ELF writer's error, or a full disk) leaves the
     * existing output as it was and no temporary file, and its own error reaches the caller.
     */
    @Test
    void streamedContentThatFailsLeavesTheTargetAlone() throws Exception {
        Path target = dir.resolve("out.ko");
        Files.write(target, DATA);
        KlpException own = new KlpException("in.ko: the writer's own error", null);
        KlpException e = assertThrows(KlpException.class, () -> OutputFile.writeAtomically(target.toString(), out -> {
            out.write(new byte[3 << 20]);
            throw own;
        }, "in.ko"));
        assertTrue(e == own, "the content's exception, unchanged");
        assertArrayEquals(DATA, Files.readAllBytes(target));
        assertEquals(Set.of("out.ko"), names());
    }

    @Test
    void streamedContentIsWrittenWhole() throws Exception {
        Path target = dir.resolve("out.ko");
        byte[] big = new byte[(3 << 20) + 5];
        new java.util.Random(9).nextBytes(big);
        OutputFile.writeAtomically(target.toString(), out -> {
            out.write(big, 0, 7);
            out.write(big, 7, big.length - 7);
        }, "in.ko");
        assertArrayEquals(big, Files.readAllBytes(target));
        assertEquals(Set.of("out.ko"), names());
    }

    @Test
    void aFifoIsRefusedAndLeftAlone() throws Exception {
        Path fifo = dir.resolve("fifo");
        run("mkfifo", fifo.toString());
        KlpException e = refused(fifo.toString());
        assertEquals("in.ko: couldn't create " + fifo + ": not a regular file (a FIFO); it was left alone",
                e.getMessage());
        assertTrue(attributes(fifo).isOther(), "still a FIFO");
        assertEquals(Set.of("fifo"), names());
    }

    @Test
    void aCharacterDeviceIsRefusedAndLeftAlone() throws Exception {
        assumeTrue("root".equals(System.getProperty("user.name")) || "true".equals(System.getenv("CI")),
                "mknod needs root; skipped");
        Path device = dir.resolve("null");
        run("mknod", device.toString(), "c", "1", "3");
        KlpException e = refused(device.toString());
        assertTrue(e.getMessage().endsWith(": not a regular file (a character device); it was left alone"),
                e.getMessage());
        assertTrue(attributes(device).isOther(), "still a device");
    }

    @Test
    void aDirectoryIsRefusedEvenWhenEmpty() throws Exception {
        Path empty = Files.createDirectory(dir.resolve("empty"));
        assertTrue(refused(empty.toString()).getMessage().endsWith("not a regular file (a directory); it was left alone"));
        assertTrue(Files.isDirectory(empty));
    }

    @Test
    void aSymbolicLinkToAFifoIsRefused() throws Exception {
        Path fifo = dir.resolve("fifo");
        run("mkfifo", fifo.toString());
        Path link = Files.createSymbolicLink(dir.resolve("link"), fifo.getFileName());
        refused(link.toString());
        assertTrue(attributes(fifo).isOther());
        assertTrue(Files.isSymbolicLink(link));
    }

    @Test
    void aDanglingSymbolicLinkCreatesTheFileItNamesAsCreatDoes() throws Exception {
        Path link = Files.createSymbolicLink(dir.resolve("link.ko"), Path.of("target.ko"));
        OutputFile.writeAtomically(link.toString(), DATA, "in.ko");
        assertTrue(Files.isSymbolicLink(link), "the link stays a link");
        assertArrayEquals(DATA, Files.readAllBytes(dir.resolve("target.ko")));
    }

    @Test
    void aTrailingSlashNamesADirectoryAndIsRefused() throws Exception {
        String target = dir.resolve("newdir") + "/";
        assertEquals("in.ko: couldn't create " + target + ": Is a directory", refused(target).getMessage());
        assertEquals(Set.of(), names(), "no file newdir, no temporary file");
    }

    @Test
    void anEmptyPathIsRefusedWithoutWritingInTheParent() throws Exception {
        assertEquals("in.ko: couldn't create '': No such file or directory", refused("").getMessage());
        try (Stream<Path> files = Files.list(Path.of("").toAbsolutePath().getParent())) {
            assertFalse(files.anyMatch(p -> p.getFileName().toString().endsWith(".tmp")
                    && p.getFileName().toString().startsWith(".klp-convert-")));
        }
    }

    @Test
    void aNameOfNameMaxBytesIsWritten() throws Exception {
        for (int length : List.of(231, 255)) {
            Path target = dir.resolve("m".repeat(length - 3) + ".ko");
            OutputFile.writeAtomically(target.toString(), DATA, "in.ko");
            assertArrayEquals(DATA, Files.readAllBytes(target));
        }
    }

    @Test
    void overwritingKeepsTheMode() throws Exception {
        Path out = Files.write(dir.resolve("out.ko"), new byte[] {9});
        Files.setPosixFilePermissions(out, PosixFilePermissions.fromString("rw-------"));
        OutputFile.writeAtomically(out.toString(), DATA, "in.ko");
        assertArrayEquals(DATA, Files.readAllBytes(out));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(out)));
    }

    @Test
    void overwritingKeepsHardLinksAndTheInode() throws Exception {
        Path out = Files.write(dir.resolve("out.ko"), new byte[] {9});
        Path other = Files.createLink(dir.resolve("other.ko"), out);
        Object inode = Files.getAttribute(out, "unix:ino");
        OutputFile.writeAtomically(out.toString(), DATA, "in.ko");
        assertArrayEquals(DATA, Files.readAllBytes(other), "the other link sees the new module");
        assertEquals(inode, Files.getAttribute(out, "unix:ino"));
        assertEquals(Set.of("out.ko", "other.ko"), names());
    }

    @Test
    void temporaryFilesOfProcessesThatNoLongerRunAreSwept() throws Exception {
        long dead = deadPid();
        Path stale = Files.write(dir.resolve(".klp-convert-" + dead + "-0.tmp"), new byte[100]);
        Path live = Files.write(dir.resolve(".klp-convert-1-0.tmp"), new byte[100]); // pid 1 always runs
        OutputFile.writeAtomically(dir.resolve("out.ko").toString(), DATA, "in.ko");
        assertFalse(Files.exists(stale), "left by a killed process");
        assertTrue(Files.exists(live), "another process may still be writing it");
    }

    /** A pid no process has: one that just ended. */
    private static long deadPid() throws Exception {
        Process p = new ProcessBuilder("true").start();
        p.waitFor();
        long pid = p.pid();
        assumeTrue(ProcessHandle.of(pid).isEmpty(), "pid reused at once");
        return pid;
    }
}
