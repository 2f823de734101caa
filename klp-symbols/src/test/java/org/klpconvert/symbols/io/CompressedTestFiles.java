package org.klpconvert.symbols.io;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorOutputStream;
import org.apache.commons.compress.compressors.zstandard.ZstdCompressorOutputStream;

/** Compresses test data with the libraries. */
public final class CompressedTestFiles {

    private CompressedTestFiles() {
    }

    interface Wrapper {
        OutputStream wrap(OutputStream out) throws IOException;
    }

    /** {@code data} compressed with {@code c} ({@link Compression#NONE}: unchanged). */
    public static byte[] compress(Compression c, byte[] data) throws IOException {
        return switch (c) {
            case GZIP -> gzip(data);
            case XZ -> xz(data);
            case ZSTD -> zstd(data);
            case NONE -> data;
        };
    }

    static byte[] with(Wrapper wrapper, byte[] data) throws IOException {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        try (OutputStream out = wrapper.wrap(buffer)) {
            out.write(data);
        }
        return buffer.toByteArray();
    }

    public static byte[] gzip(byte[] data) throws IOException {
        return with(GzipCompressorOutputStream::new, data);
    }

    public static byte[] xz(byte[] data) throws IOException {
        return with(out -> new XZCompressorOutputStream(out, 0), data);
    }

    public static byte[] zstd(byte[] data) throws IOException {
        return with(ZstdCompressorOutputStream::new, data);
    }
}
