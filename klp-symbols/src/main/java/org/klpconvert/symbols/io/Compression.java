package org.klpconvert.symbols.io;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;
import org.apache.commons.compress.compressors.xz.XZUtils;
import org.apache.commons.compress.compressors.zstandard.ZstdCompressorInputStream;
import org.apache.commons.compress.compressors.zstandard.ZstdUtils;
import org.klpconvert.elf.KlpException;

/**
 * The compressions that kernel builds use for modules and that a symbols file may come in,
 * recognised by content (magic bytes), never by file name.
 *
 * <p>Decompressed output is bounded: a few kilobytes of gzip, xz or zstd can expand to
 * gigabytes, which would end in an {@link OutOfMemoryError} instead of a message. The bound
 * is {@link #maxSize()}: {@value #DEFAULT_MAX_SIZE} bytes (1 GiB) unless the system property
 * {@value #MAX_SIZE_PROPERTY} gives another byte count, and never more than the largest
 * array, {@value #LARGEST_ARRAY} bytes.
 *
 * <p>xz and zstd need an optional artifact each ({@code org.tukaani:xz}, module
 * {@code org.tukaani.xz}; {@code com.github.luben:zstd-jni}, module
 * {@code com.github.luben.zstd_jni}). Without it, data in that format are refused with a
 * {@link KlpException} that names the artifact; gzip and plain data never need them.
 */
public enum Compression {
    /** Anything that starts with none of the magics below. */
    NONE(new byte[0], null),
    /** gzip (RFC 1952), concatenated members included. */
    GZIP(new byte[] {0x1f, (byte) 0x8b}, null),
    /** xz, read with the optional {@code org.tukaani:xz}. */
    XZ(new byte[] {(byte) 0xfd, '7', 'z', 'X', 'Z', 0}, "org.tukaani:xz (module org.tukaani.xz)"),
    /** Zstandard, read with the optional {@code com.github.luben:zstd-jni}. */
    ZSTD(new byte[] {0x28, (byte) 0xb5, 0x2f, (byte) 0xfd},
            "com.github.luben:zstd-jni (module com.github.luben.zstd_jni)");

    /** The system property that sets {@link #maxSize()}, in bytes. */
    public static final String MAX_SIZE_PROPERTY = "klpconvert.maxDecompressedSize";
    /** The bound when the property is not set: 1 GiB, 50 times a full Debian symbols file. */
    public static final long DEFAULT_MAX_SIZE = 1L << 30;
    /** A little under {@code Integer.MAX_VALUE}: the VMs reserve a few header words per array. */
    public static final long LARGEST_ARRAY = Integer.MAX_VALUE - 16;

    private final byte[] magic;
    /** The optional artifact that decodes this format, or {@code null} when none is needed. */
    private final String optionalArtifact;

    Compression(byte[] magic, String optionalArtifact) {
        this.magic = magic;
        this.optionalArtifact = optionalArtifact;
    }

    /**
     * {@return the compression whose magic {@code data} starts with, or {@link #NONE}}
     *
     * @param data the start of the data, or all of it
     */
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
     *
     * @param path the file
     * @return the file's content, decompressed
     * @throws IOException if a file cannot be read or written
     */
    public static byte[] readAll(Path path) throws IOException {
        return decompress(Files.readAllBytes(path), path.toString());
    }

    /**
     * {@return the most bytes decompression may produce: the property {@value #MAX_SIZE_PROPERTY} when
     * it holds a positive number, else {@value #DEFAULT_MAX_SIZE}; at most {@value #LARGEST_ARRAY}}
     */
    public static long maxSize() {
        Long configured = Long.getLong(MAX_SIZE_PROPERTY);
        long size = configured != null && configured > 0 ? configured : DEFAULT_MAX_SIZE;
        return Math.min(size, LARGEST_ARRAY);
    }

    /**
     * {@return {@code data} itself when it is not compressed, else its decompressed content, at
     * most {@link #maxSize()} bytes}
     *
     * @param data the data, compressed or not
     * @param source the name used in messages
     * @throws KlpException naming {@code source} when the compressed data are corrupt or
     *                      expand beyond the bound
     */
    public static byte[] decompress(byte[] data, String source) throws KlpException {
        return decompress(data, source, maxSize());
    }

    /**
     * Like {@link #decompress(byte[], String)} with an explicit bound ({@code maxSize} bytes,
     * itself capped at {@value #LARGEST_ARRAY}).
     *
     * @param data the data, compressed or not
     * @param source the name used in messages
     * @param maxSize the most bytes decompression may produce
     * @return {@code data} itself, or its decompressed content
     * @throws KlpException if the data are malformed or cannot be written
     */
    public static byte[] decompress(byte[] data, String source, long maxSize) throws KlpException {
        Compression compression = detect(data);
        if (compression == NONE) {
            return data;
        }
        String format = compression.name().toLowerCase();
        if (!compression.decoderAvailable()) {
            throw new KlpException(source + ": " + format + " data need " + compression.optionalArtifact
                    + " on the class or module path");
        }
        int limit = (int) Math.min(Math.max(0, maxSize), LARGEST_ARRAY);
        try (InputStream in = compression.open(new ByteArrayInputStream(data))) {
            byte[] content = readAtMost(in, limit, data.length);
            if (content == null) {
                throw new KlpException(source + ": " + format + " data expand to more than " + limit
                        + " bytes (raise the bound with -D" + MAX_SIZE_PROPERTY + "=<bytes>)");
            }
            return content;
        } catch (KlpException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new KlpException(source + ": corrupt " + format + " data: " + e.getMessage(), e);
        }
    }

    /**
     * All bytes of {@code in}, or {@code null} when there are more than {@code limit}. The
     * buffer grows by doubling from a guess of four times the compressed size, so a bomb costs
     * at most about {@code limit} bytes of heap before it is refused.
     */
    private static byte[] readAtMost(InputStream in, int limit, int compressedSize) throws IOException {
        byte[] buffer = new byte[(int) Math.min(limit, Math.max(1 << 16, 4L * compressedSize))];
        int size = 0;
        while (true) {
            if (size == buffer.length) {
                if (size == limit) {
                    return in.read() < 0 ? buffer : null;
                }
                buffer = Arrays.copyOf(buffer, (int) Math.min(limit, 2L * size));
            }
            int n = in.read(buffer, size, buffer.length - size);
            if (n < 0) {
                return size == buffer.length ? buffer : Arrays.copyOf(buffer, size);
            }
            size += n;
        }
    }

    /**
     * Whether the optional artifact of this format can be loaded: it is missing from the class
     * path, or (on the module path) not resolved, since only {@code requires static} names it.
     */
    private boolean decoderAvailable() {
        return switch (this) {
            case XZ -> XZUtils.isXZCompressionAvailable();
            case ZSTD -> ZstdUtils.isZstdCompressionAvailable();
            case NONE, GZIP -> true;
        };
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
