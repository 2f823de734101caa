package org.klpconvert.symbols;

import static java.nio.charset.StandardCharsets.ISO_8859_1;

import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Writes a symbols file from the lines it is given, byte for byte: texts are encoded
 * ISO-8859-1, lines are joined by {@code \n}, and {@link #end} decides the final newline. So
 * {@code map.accept(new SymbolFileWriter(out))} reproduces the file {@code map} was read from.
 *
 * <p>{@link #symbol} writes its text verbatim: a name that starts with {@code __ksymtab_}
 * reads back as an export, which is what a generator copying nm output wants.
 */
public final class SymbolFileWriter implements SymbolFileVisitor, Closeable {

    private static final byte[] NONE = new byte[0];
    private static final byte[] STAR = {'*'};
    private static final byte[] KSYMTAB = SymbolFileFormat.KSYMTAB_PREFIX.getBytes(ISO_8859_1);

    private final OutputStream out;

    /** Writes to {@code out}, which {@link #close} closes. */
    public SymbolFileWriter(OutputStream out) {
        this.out = new BufferedOutputStream(out, 1 << 16);
    }

    @Override
    public void header(String line) throws IOException {
        out.write(line.getBytes(ISO_8859_1));
    }

    @Override
    public void object(String name) throws IOException {
        line(STAR, name);
    }

    @Override
    public void symbol(String name) throws IOException {
        line(NONE, name);
    }

    @Override
    public void exported(String name) throws IOException {
        line(KSYMTAB, name);
    }

    @Override
    public void end(boolean finalNewline) throws IOException {
        if (finalNewline) {
            out.write('\n');
        }
        out.flush();
    }

    private void line(byte[] prefix, String text) throws IOException {
        out.write('\n');
        out.write(prefix);
        out.write(text.getBytes(ISO_8859_1));
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
