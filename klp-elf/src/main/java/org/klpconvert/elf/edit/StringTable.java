package org.klpconvert.elf.edit;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * A string table that only grows: the original bytes stay as they are (shared tails, unused
 * strings and all), new strings are appended. This is how klp-convert treats
 * {@code .strtab} and {@code .shstrtab} (klp-convert.md section 6.2).
 */
public final class StringTable implements SectionContent {
    private final byte[] original;
    private final ByteArrayOutputStream appended = new ByteArrayOutputStream();

    /**
     * A string table that starts with the bytes of an existing one.
     *
     * @param original the existing table's bytes (not copied)
     */
    public StringTable(byte[] original) {
        this.original = original.clone();
    }

    /**
     * Appends {@code name} and a NUL; returns the offset of the new string. No reuse.
     *
     * @param name the string to add
     * @return the offset of the new string
     */
    public int append(String name) {
        int offset = original.length + appended.size();
        byte[] b = name.getBytes(StandardCharsets.ISO_8859_1);
        appended.write(b, 0, b.length);
        appended.write(0);
        return offset;
    }

    /** {@return current contents} */
    public byte[] toByteArray() {
        byte[] tail = appended.toByteArray();
        byte[] all = new byte[original.length + tail.length];
        System.arraycopy(original, 0, all, 0, original.length);
        System.arraycopy(tail, 0, all, original.length, tail.length);
        return all;
    }

    @Override
    public long size(ObjectShape shape) {
        return (long) original.length + appended.size();
    }
}
