package org.klpconvert.symbols.io;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;
import org.apache.commons.compress.compressors.zstandard.ZstdCompressorInputStream;
import org.klpconvert.elf.KlpException;

/**
 * The compressions that kernel builds use for modules and that a symbols file may come in,
 * recognised by content (magic bytes), never by file name.
 */
public enum Compression {
    /** Anything that starts with none of the magics below. */
    NONE(new byte[0]),
    GZIP(new byte[] {0x1f, (byte) 0x8b}),
    XZ(new byte[] {(byte) 0xfd, '7', 'z', 'X', 'Z', 0}),
    ZSTD(new byte[] {0x28, (byte) 0xb5, 0x2f, (byte) 0xfd});

    private final byte[] magic;

    Compression(byte[] magic) {
        this.magic = magic;
    }

    /** The compression whose magic {@code data} starts with, or {@link #NONE}. */
    public static Compression detect(byte[] data) {
        for (Compression c : new Compression[] {GZIP, XZ, ZSTD}) {
            if (c.matches(data)) {
                return c;
            }
        }
        return NONE;
    }

    private boolean matches(byte[] data) {
        if (data.length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if (data[i] != magic[i]) {
                return false;
            }
        }
        return true;
    }

    /**
     * Reads a whole file, decompressing it in memory when its content is compressed. A plain
     * file is returned exactly as read, without any stream in between.
     */
    public static byte[] readAll(Path path) throws IOException {
        return decompress(Files.readAllBytes(path), path.toString());
    }

    /**
     * Returns {@code data} itself when it is not compressed, else its decompressed content.
     *
     * @throws KlpException naming {@code source} when the compressed data are corrupt
     */
    public static byte[] decompress(byte[] data, String source) throws KlpException {
        Compression compression = detect(data);
        if (compression == NONE) {
            return data;
        }
        try (InputStream in = compression.open(new ByteArrayInputStream(data))) {
            return in.readAllBytes();
        } catch (IOException | RuntimeException e) {
            throw new KlpException(source + ": corrupt " + compression.name().toLowerCase() + " data: "
                    + e.getMessage(), e);
        }
    }

    private InputStream open(InputStream in) throws IOException {
        return switch (this) {
            case GZIP -> new GzipCompressorInputStream(in, true);
            case XZ -> new XZCompressorInputStream(in, true);
            case ZSTD -> new ZstdCompressorInputStream(in);
            case NONE -> in;
        };
    }
}
