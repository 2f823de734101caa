package org.klpconvert.elf.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.klpconvert.elf.ElfFile;

/**
 * Issue 9, findings 4 and 5: an input is read only when it is a regular file of at most
 * {@link InputFiles#MAX_SIZE} bytes; anything else is refused at once, naming the file and
 * saying why (never "give the JVM more heap", never a path-less "Is a directory").
 */
class InputFilesTest {
    @TempDir
    Path dir;

    @Test
    void devZeroIsRefusedBeforeAByteIsRead() {
        InputFileException e = assertThrows(InputFileException.class, () -> ElfFile.read(Path.of("/dev/zero")));
        assertEquals("/dev/zero: not a regular file (a character device)", e.getMessage());
    }

    @Test
    void mappingChecksTheSameWay() {
        assertEquals("/dev/zero: not a regular file (a character device)",
                assertThrows(InputFileException.class, () -> ElfFile.map(Path.of("/dev/zero"))).getMessage());
    }

    @Test
    void aFifoIsRefusedWithoutWaitingForAWriter() throws Exception {
        Path fifo = dir.resolve("fifo");
        assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor());
        // Reading a FIFO that no one writes blocks for ever; the bound only turns that into a failure.
        InputFileException e = Assertions.assertTimeoutPreemptively(Duration.ofSeconds(60),
                () -> assertThrows(InputFileException.class, () -> ElfFile.read(fifo)));
        assertEquals(fifo + ": not a regular file (a FIFO)", e.getMessage());
    }

    @Test
    void aDirectoryIsNamed() {
        InputFileException e = assertThrows(InputFileException.class, () -> ElfFile.read(dir));
        assertEquals(dir + ": not a regular file (a directory)", e.getMessage());
    }

    @Test
    void twoGibibytesAndMoreAreRefusedWithAMessageThatSaysSo() throws Exception {
        Path big = dir.resolve("big.ko");
        try (RandomAccessFile f = new RandomAccessFile(big.toFile(), "rw")) {
            f.setLength(1L << 31); // sparse: no disk space used
        }
        InputFileException e = assertThrows(InputFileException.class, () -> ElfFile.read(big));
        assertEquals(big + ": 2147483648 bytes: files of 2 GiB or more cannot be read (at most 2147483631 bytes,"
                + " the largest Java array; more heap does not help)", e.getMessage());
    }

    @Test
    void aLimitBelowTheFileSizeIsNamed() throws Exception {
        Path file = Files.write(dir.resolve("f"), new byte[100]);
        assertEquals(file + ": 100 bytes: larger than the limit of 99 bytes",
                assertThrows(InputFileException.class, () -> InputFiles.readAll(file, 99)).getMessage());
        assertEquals(100, InputFiles.readAll(file, 100).length);
    }

    @Test
    void aProcFileThatReportsNoSizeIsReadWhole() throws Exception {
        byte[] status = InputFiles.readAll(Path.of("/proc/self/status"));
        assertTrue(new String(status, java.nio.charset.StandardCharsets.ISO_8859_1).contains("Name:"));
    }

    @Test
    void aMissingFileHasTheCLibrarysWords() {
        Path absent = dir.resolve("absent");
        assertEquals(absent + ": No such file or directory",
                assertThrows(InputFileException.class, () -> InputFiles.readAll(absent)).getMessage());
    }

    @Test
    void aRegularFileIsReadAsIs() throws Exception {
        byte[] content = {1, 2, 3};
        assertArrayEquals(content, InputFiles.readAll(Files.write(dir.resolve("f"), content)));
    }
}
