package org.klpconvert.elf.oracle;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.zip.GZIPInputStream;

import com.github.luben.zstd.ZstdInputStream;
import org.tukaani.xz.XZInputStream;

/**
 * The {@code vmlinux} inside a compressed kernel image ({@code /boot/vmlinuz-*}), found the way
 * the kernel's {@code scripts/extract-vmlinux} finds it: try each compression's magic bytes at
 * every place they occur, decompress from there, and keep the first result that is an ELF file.
 */
final class KernelImage {
    private static final byte[][] MAGICS = {
        {(byte) 0xfd, '7', 'z', 'X', 'Z', 0}, // xz
        {0x28, (byte) 0xb5, 0x2f, (byte) 0xfd}, // zstd
        {0x1f, (byte) 0x8b, 0x08}, // gzip
    };

    private KernelImage() {
    }

    /** The extracted vmlinux, written to {@code target} (reused when already there). */
    static Optional<Path> extract(Path image, Path target) throws IOException {
        if (Files.isRegularFile(target) && Files.size(target) > 0) {
            return Optional.of(target);
        }
        byte[] bytes = Files.readAllBytes(image);
        for (int kind = 0; kind < MAGICS.length; kind++) {
            for (int at = indexOf(bytes, MAGICS[kind], 0); at >= 0; at = indexOf(bytes, MAGICS[kind], at + 1)) {
                Path partial = target.resolveSibling(target.getFileName() + ".part");
                if (decompress(kind, bytes, at, partial) && isElf(partial)) {
                    Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING);
                    return Optional.of(target);
                }
                Files.deleteIfExists(partial);
            }
        }
        return Optional.empty();
    }

    private static boolean decompress(int kind, byte[] bytes, int at, Path out) {
        InputStream raw = new ByteArrayInputStream(bytes, at, bytes.length - at);
        try (InputStream in = switch (kind) {
            case 0 -> new XZInputStream(raw);
            case 1 -> new ZstdInputStream(raw);
            default -> new GZIPInputStream(raw);
        }; OutputStream o = Files.newOutputStream(out)) {
            in.transferTo(o);
            return true;
        } catch (IOException | RuntimeException e) {
            // Not a stream of this kind at this place, or trailing bytes after it: judged by the result.
            return Files.exists(out);
        }
    }

    private static boolean isElf(Path p) throws IOException {
        try (InputStream in = Files.newInputStream(p)) {
            byte[] head = in.readNBytes(4);
            return head.length == 4 && head[0] == 0x7f && head[1] == 'E' && head[2] == 'L' && head[3] == 'F';
        }
    }

    private static int indexOf(byte[] bytes, byte[] magic, int from) {
        outer:
        for (int i = from; i <= bytes.length - magic.length; i++) {
            for (int k = 0; k < magic.length; k++) {
                if (bytes[i + k] != magic[k]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
