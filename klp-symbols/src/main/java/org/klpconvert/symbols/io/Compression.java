package org.klpconvert.symbols.io;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;
import org.apache.commons.compress.compressors.xz.XZUtils;
import org.apache.commons.compress.compressors.zstandard.ZstdCompressorInputStream;
import org.apache.commons.compress.compressors.zstandard.ZstdUtils;
import org.klpconvert.elf.KlpException;
import org.klpconvert.elf.io.InputFiles;

/**
 * The compressions that kernel builds use for modules and that a symbols file may come in,
 * recognised by content (magic bytes), never by file name.
 *
 * <p>Decompressed output is bounded: a few kilobytes of gzip, xz or zstd can expand to
 * gigabytes, which would end in an {@link OutOfMemoryError} instead of a message. The bound
 * is {@link #maxSize()}: {@value #DEFAULT_MAX_SIZE} bytes (1 GiB) unless the system property
 * {@value #MAX_SIZE_PROPERTY} gives another byte count, and never more than the largest
 * array, {@value #LARGEST_ARRAY} bytes. The header is checked before inflating, the output is
 * counted before it is kept, and the bound holds for all threads together
 * (docs/reliability.md).
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

    /** Decompressed bytes in flight across all threads: bounded like one file. */
    private static final Budget BUDGET = new Budget();

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
     * @param data the first bytes of a file, or all of it
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
     * Reads a whole file (a regular file, see {@link InputFiles}), decompressing it in memory
     * when its content is compressed. A plain file is returned exactly as read.
     *
     * @param path the file
     * @return the file's content, decompressed
     * @throws KlpException naming the file: unreadable ({@code InputFileException}) or
     *                      corrupt ({@link DecompressionException})
     */
    public static byte[] readAll(Path path) throws KlpException {
        return decompress(InputFiles.readAll(path), path.toString());
    }

    /**
     * Reads a whole file like {@link #readAll(Path)} and hands its content to {@code reader}
     * while the decompressed bytes are counted against the bound shared by all threads
     * ({@link #maxSize()} in total): parallel readers of compressed files wait for each other
     * instead of holding many bounds' worth of heap at once.
     *
     * @param <T>    what the reader makes of the content
     * @param path   the file
     * @param reader what to do with the content
     * @return what the reader returned
     * @throws IOException as {@link #readAll(Path)}, or from the reader
     */
    public static <T> T readAll(Path path, ContentReader<T> reader) throws IOException {
        byte[] data = InputFiles.readAll(path);
        String source = path.toString();
        Compression compression = detect(data);
        if (compression == NONE) {
            return reader.read(data);
        }
        long size = compression.measure(data, source, maxSize());
        BUDGET.acquire(size, source);
        try {
            return reader.read(compression.inflate(data, source, (int) size));
        } finally {
            BUDGET.release(size);
        }
    }

    /**
     * What {@link #readAll(Path, ContentReader)} does with a file's content.
     *
     * @param <T> what it makes of the content
     */
    @FunctionalInterface
    public interface ContentReader<T> {
        /**
         * Uses the content; the array is not kept by the caller afterwards.
         *
         * @param content the file's decompressed content
         * @return what was made of it
         * @throws IOException when the content cannot be used
         */
        T read(byte[] content) throws IOException;
    }

    /**
     * {@return the most bytes decompression may produce: the property {@value #MAX_SIZE_PROPERTY}
     * when it holds a positive number, else {@value #DEFAULT_MAX_SIZE}; at most
     * {@value #LARGEST_ARRAY}} It bounds one file and also the total in flight across threads.
     */
    public static long maxSize() {
        Long configured = Long.getLong(MAX_SIZE_PROPERTY);
        long size = configured != null && configured > 0 ? configured : DEFAULT_MAX_SIZE;
        return Math.min(size, LARGEST_ARRAY);
    }

    /**
     * Returns {@code data} itself when it is not compressed, else its decompressed content, at
     * most {@link #maxSize()} bytes.
     *
     * @param data   the data, compressed or not
     * @param source the name used in messages
     * @return {@code data} itself, or its decompressed content
     * @throws DecompressionException naming {@code source} and the reason when the header is
     *                                not the format's, the data are corrupt or truncated, or
     *                                they expand beyond the bound
     */
    public static byte[] decompress(byte[] data, String source) throws DecompressionException {
        return decompress(data, source, maxSize());
    }

    /**
     * Like {@link #decompress(byte[], String)} with an explicit bound ({@code maxSize} bytes,
     * itself capped at {@value #LARGEST_ARRAY}).
     *
     * <p>Two passes: the first checks the header and streams the data only to count the
     * output, so a bomb is refused having cost a 64 KiB buffer; the second fills one array of
     * exactly that size.
     *
     * @param data    the data, compressed or not
     * @param source  the name used in messages
     * @param maxSize the most bytes decompression may produce
     * @return {@code data} itself, or its decompressed content
     * @throws DecompressionException as {@link #decompress(byte[], String)}
     */
    public static byte[] decompress(byte[] data, String source, long maxSize) throws DecompressionException {
        Compression compression = detect(data);
        if (compression == NONE) {
            return data;
        }
        long size = compression.measure(data, source, maxSize);
        BUDGET.acquire(size, source);
        try {
            return compression.inflate(data, source, (int) size);
        } finally {
            BUDGET.release(size);
        }
    }

    /** The decompressed size, checked against the bound while streaming; nothing is kept. */
    private long measure(byte[] data, String source, long maxSize) throws DecompressionException {
        long limit = Math.min(Math.max(0, maxSize), LARGEST_ARRAY);
        if (!decoderAvailable()) {
            throw new DecompressionException(source, format() + " data need " + optionalArtifact
                    + " on the class or module path", null);
        }
        checkHeader(data, source);
        byte[] scratch = new byte[1 << 16];
        long size = 0;
        try (InputStream in = open(new ByteArrayInputStream(data))) {
            for (int n; (n = in.read(scratch)) >= 0; ) {
                size += n;
                if (size > limit) {
                    throw new DecompressionException(source, format() + " data expand to more than " + limit
                            + " bytes (raise the bound with -D" + MAX_SIZE_PROPERTY + "=<bytes>)", null);
                }
            }
            return size;
        } catch (DecompressionException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw corrupt(source, e);
        }
    }

    /** The second pass: exactly {@code size} bytes, as the first pass counted. */
    private byte[] inflate(byte[] data, String source, int size) throws DecompressionException {
        byte[] content = new byte[size];
        try (InputStream in = open(new ByteArrayInputStream(data))) {
            int done = 0;
            while (done < size) {
                int n = in.read(content, done, size - done);
                if (n < 0) {
                    break;
                }
                done += n;
            }
            if (done != size || in.read() >= 0) {
                throw new DecompressionException(source, format() + " data changed size between two reads", null);
            }
            return content;
        } catch (DecompressionException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw corrupt(source, e);
        }
    }

    /**
     * The fixed part of each format's header, checked before any inflating: gzip's method and
     * flags (RFC 1952), the xz stream flags and their CRC32, zstd's frame header descriptor.
     */
    private void checkHeader(byte[] data, String source) throws DecompressionException {
        String problem = switch (this) {
            case GZIP -> data.length < 18 ? "shorter than a gzip header and trailer (18 bytes)"
                    : data[2] != 8 ? "compression method " + (data[2] & 0xff) + " in the header (8, deflate, expected)"
                    : (data[3] & 0xe0) != 0 ? "reserved header flags set (0x" + Integer.toHexString(data[3] & 0xff) + ")"
                    : null;
            case XZ -> data.length < 32 ? "shorter than an xz stream header and footer (32 bytes)"
                    : data[6] != 0 || (data[7] & 0xf0) != 0 ? "unsupported stream flags in the header"
                    : crc32(data, 6, 2) != littleEndianInt(data, 8) ? "header checksum mismatch" : null;
            case ZSTD -> data.length < 6 ? "shorter than a zstd frame header"
                    : (data[4] & 0x08) != 0 ? "reserved bit set in the frame header descriptor" : null;
            case NONE -> null;
        };
        if (problem != null) {
            throw new DecompressionException(source, "not valid " + format() + " data: " + problem, null);
        }
    }

    private static long crc32(byte[] data, int offset, int length) {
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(data, offset, length);
        return crc.getValue();
    }

    private static long littleEndianInt(byte[] data, int offset) {
        return (data[offset] & 0xffL) | (data[offset + 1] & 0xffL) << 8 | (data[offset + 2] & 0xffL) << 16
                | (data[offset + 3] & 0xffL) << 24;
    }

    /** The decompressor's complaint in words: truncated, or corrupt with its reason if it gave one. */
    private DecompressionException corrupt(String source, Exception e) {
        if (e instanceof java.io.EOFException || e instanceof java.util.zip.ZipException z
                && String.valueOf(z.getMessage()).contains("EOF")) {
            return new DecompressionException(source, format() + " data end before the end of the stream (truncated)",
                    e);
        }
        String message = e.getMessage();
        boolean useful = message != null && !message.isBlank() && !message.contains("Exception");
        return new DecompressionException(source, "corrupt " + format() + " data"
                + (useful ? ": " + message.strip() : " (the decompressor found invalid input)"), e);
    }

    private String format() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

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

    /**
     * The bytes all threads hold decompressed at one time, at most {@link #maxSize()}: a
     * thread whose file would exceed it waits until others finish; a file that alone exceeds
     * it was refused by the first pass already.
     */
    private static final class Budget {
        private long inFlight;

        synchronized void acquire(long size, String source) throws DecompressionException {
            while (inFlight > 0 && inFlight + size > maxSize()) {
                try {
                    wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new DecompressionException(source, "interrupted while waiting to decompress", e);
                }
            }
            inFlight += size;
        }

        synchronized void release(long size) {
            inFlight -= size;
            notifyAll();
        }
    }
}
