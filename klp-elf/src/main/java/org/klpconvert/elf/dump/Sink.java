package org.klpconvert.elf.dump;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Collects dump text and passes it on to the destination in blocks, so that the dump of a
 * large object (a debug {@code vmlinux} has hundreds of thousands of symbols) never needs to
 * be held whole in memory.
 */
final class Sink {
    private static final int BLOCK = 1 << 16;

    private final StringBuilder text = new StringBuilder(BLOCK + 1024);
    private final Appendable destination;

    Sink(Appendable destination) {
        this.destination = destination;
    }

    Sink append(String s) {
        text.append(s);
        if (text.length() >= BLOCK) {
            flush();
        }
        return this;
    }

    Sink append(char c) {
        text.append(c);
        return this;
    }

    Sink append(long n) {
        text.append(n);
        return this;
    }

    /** Passes what was collected on; an I/O failure surfaces as {@link UncheckedIOException}. */
    void flush() {
        try {
            destination.append(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        text.setLength(0);
    }
}
