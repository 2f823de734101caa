package org.klpconvert.convert.arch;

import java.nio.ByteBuffer;
import java.util.OptionalLong;

import org.klpconvert.elf.edit.ObjectShape;
import org.klpconvert.elf.edit.RawContent;
import org.klpconvert.elf.edit.Section;

/** Reads the bytes a relocation patches, in the object's byte order. */
final class TargetBytes {
    private TargetBytes() {
    }

    /** The unsigned value of {@code width} (4 or 8) bytes at {@code offset}, if present. */
    static OptionalLong read(Section target, long offset, int width, ObjectShape shape) {
        if (!(target.content() instanceof RawContent raw) || offset < 0 || offset > raw.bytes().length - width) {
            return OptionalLong.empty();
        }
        ByteBuffer b = ByteBuffer.wrap(raw.bytes()).order(shape.order());
        return OptionalLong.of(width == 8 ? b.getLong((int) offset) : b.getInt((int) offset) & 0xffffffffL);
    }
}
