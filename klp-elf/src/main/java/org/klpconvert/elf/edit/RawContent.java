package org.klpconvert.elf.edit;

/** Bytes copied as they are (PROGBITS, NOTE, and anything not decoded). */
public record RawContent(byte[] bytes) implements SectionContent {
    @Override
    public long size(ObjectShape shape) {
        return bytes.length;
    }
}
