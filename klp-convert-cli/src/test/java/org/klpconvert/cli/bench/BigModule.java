package org.klpconvert.cli.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import org.klpconvert.elf.Elf;
import org.klpconvert.elf.ElfFile;
import org.klpconvert.elf.SectionHeader;

/**
 * Makes a livepatch module of a given size for the memory benchmark
 * ({@code klp-convert-cli/bench/memory.sh}): the example module with its section header table
 * moved to the end and one more non-alloc {@code SHT_PROGBITS} section (named {@code .comment}),
 * holding the bytes in between, as debug information makes real modules large. The pad is
 * written in chunks, so a 1.5 GB module needs no 1.5 GB array. ELF64 little-endian inputs
 * only (the example is x86_64).
 *
 * <p>Arguments: {@code <input.ko> <output.ko> <size in bytes>}.
 */
public final class BigModule {
    private static final int SHDR = 64;

    private BigModule() {
    }

    public static void main(String[] args) throws IOException {
        Path input = Path.of(args[0]);
        Path output = Path.of(args[1]);
        long size = Long.parseLong(args[2]);
        byte[] in = Files.readAllBytes(input);
        ElfFile elf = ElfFile.parse(in, input.toString());
        int shnum = elf.sections().size();
        long shoff = elf.header().shoff();
        // A new name would have to grow .shstrtab; the pad shares ".comment"'s name instead
        // (another non-alloc PROGBITS section), or has the empty name.
        long padName = elf.section(".comment").map(SectionHeader::nameOffset).orElse(0L);
        long padOffset = shoff; // the pad starts where the old header table was
        long tableSize = (long) (shnum + 1) * SHDR;
        long padSize = Math.max(0, size - padOffset - tableSize);
        long newShoff = padOffset + padSize;
        try (OutputStream out = Files.newOutputStream(output, StandardOpenOption.CREATE,
                StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
            out.write(in, 0, (int) shoff);
            byte[] chunk = new byte[1 << 20];
            for (int i = 0; i < chunk.length; i++) {
                chunk[i] = (byte) (i * 31 + 7);
            }
            for (long left = padSize; left > 0; left -= chunk.length) {
                out.write(chunk, 0, (int) Math.min(chunk.length, left));
            }
            out.write(in, (int) shoff, shnum * SHDR);
            ByteBuffer pad = ByteBuffer.allocate(SHDR).order(ByteOrder.LITTLE_ENDIAN);
            pad.putInt(0, (int) padName).putInt(4, Elf.SHT_PROGBITS).putLong(24, padOffset).putLong(32, padSize)
                    .putLong(48, 1);
            out.write(pad.array());
        }
        try (RandomAccessFile f = new RandomAccessFile(output.toFile(), "rw")) {
            ByteBuffer header = ByteBuffer.allocate(64).order(ByteOrder.LITTLE_ENDIAN);
            f.readFully(header.array());
            header.putLong(0x28, newShoff).putShort(0x3c, (short) (shnum + 1));
            f.seek(0);
            f.write(header.array());
        }
        System.out.println(output + ": " + Files.size(output) + " bytes");
    }
}
