package org.klpconvert.elf.dynamic;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

import org.klpconvert.elf.ElfFile;
import org.klpconvert.elf.ElfFormatException;
import org.klpconvert.elf.SectionHeader;
import org.klpconvert.elf.segment.ProgramHeader;
import org.klpconvert.elf.segment.ProgramHeaders;

/**
 * The dynamic section of an object, located as the dynamic linker finds it (the
 * {@code PT_DYNAMIC} segment) and, when there are section headers, narrowed to the
 * {@code .dynamic} section in it. The entries run up to and including the first
 * {@code DT_NULL}. Strings are looked up in the table {@code DT_STRTAB} and {@code DT_STRSZ}
 * describe, mapped to the file through the loadable segments.
 */
public final class DynamicSection {
    private final long offset;
    private final List<DynamicEntry> entries;
    private final ByteBuffer strings;

    private DynamicSection(long offset, List<DynamicEntry> entries, ByteBuffer strings) {
        this.offset = offset;
        this.entries = entries;
        this.strings = strings;
    }

    /**
     * {@return the object's dynamic section; empty when it has none (no {@code PT_DYNAMIC}, or it is empty)}
     *
     * @param file the object
     * @throws ElfFormatException if the object is malformed
     */
    public static Optional<DynamicSection> of(ElfFile file) throws ElfFormatException {
        ProgramHeaders segments = ProgramHeaders.of(file);
        Optional<ProgramHeader> dynamic = segments.first(ProgramHeader.PT_DYNAMIC);
        if (dynamic.isEmpty()) {
            return Optional.empty();
        }
        long offset = dynamic.get().offset();
        long size = dynamic.get().filesz();
        if (!file.sections().isEmpty()) {
            Optional<SectionHeader> section = file.section(".dynamic");
            if (section.isEmpty() || section.get().size() == 0 || !section.get().hasFileData()) {
                return Optional.empty();
            }
            offset = section.get().offset();
            size = section.get().size();
        }
        int entsize = file.is64() ? 16 : 8;
        if (size < entsize) {
            return Optional.empty();
        }
        ByteBuffer b = file.bytes(offset, size - size % entsize, "dynamic section");
        List<DynamicEntry> entries = new ArrayList<>();
        for (int at = 0; at + entsize <= b.capacity(); at += entsize) {
            DynamicEntry e = file.is64() ? new DynamicEntry(b.getLong(at), b.getLong(at + 8))
                    : new DynamicEntry(b.getInt(at) & 0xffffffffL, b.getInt(at + 4) & 0xffffffffL);
            entries.add(e);
            if (e.tag() == DynamicEntry.DT_NULL) {
                break;
            }
        }
        return Optional.of(new DynamicSection(offset, Collections.unmodifiableList(entries),
                stringTable(file, segments, entries)));
    }

    private static ByteBuffer stringTable(ElfFile file, ProgramHeaders segments, List<DynamicEntry> entries) {
        Optional<Long> address = value(entries, DynamicEntry.DT_STRTAB);
        if (address.isEmpty()) {
            return null;
        }
        long size = value(entries, DynamicEntry.DT_STRSZ).orElse(0L);
        Optional<Long> at = segments.fileOffset(address.get(), 0);
        if (at.isEmpty() || Long.compareUnsigned(at.get(), file.length()) >= 0) {
            return null;
        }
        long available = file.length() - at.get();
        if (size == 0 || Long.compareUnsigned(size, available) > 0) {
            return null;
        }
        try {
            return file.bytes(at.get(), size, "dynamic string table");
        } catch (ElfFormatException e) {
            return null; // unreachable: the range was checked above
        }
    }

    private static Optional<Long> value(List<DynamicEntry> entries, long tag) {
        for (DynamicEntry e : entries) {
            if (e.tag() == tag) {
                return Optional.of(e.value());
            }
        }
        return Optional.empty();
    }

    /** {@return file offset of the first entry} */
    public long offset() {
        return offset;
    }

    /** {@return the entries up to and including the first {@code DT_NULL}} */
    public List<DynamicEntry> entries() {
        return entries;
    }

    /**
     * {@return the value of the first entry with that tag}
     *
     * @param tag the {@code d_tag} value
     */
    public Optional<Long> value(long tag) {
        return value(entries, tag);
    }

    /**
     * {@return the string at {@code offset} of the dynamic string table; empty when there is no such
     * table or the offset is outside it} An unterminated string ends at the table's end.
     *
     * @param offset the offset in the {@code DT_STRTAB} table
     */
    public Optional<String> string(long offset) {
        if (strings == null || offset < 0 || offset >= strings.capacity()) {
            return Optional.empty();
        }
        int end = (int) offset;
        while (end < strings.capacity() && strings.get(end) != 0) {
            end++;
        }
        byte[] name = new byte[end - (int) offset];
        strings.get((int) offset, name);
        return Optional.of(new String(name, StandardCharsets.ISO_8859_1));
    }

    /** {@return the {@code DT_NEEDED} library names, in order} */
    public List<String> needed() {
        List<String> names = new ArrayList<>();
        for (DynamicEntry e : entries) {
            if (e.tag() == DynamicEntry.DT_NEEDED) {
                string(e.value()).ifPresent(names::add);
            }
        }
        return names;
    }

    /** {@return the {@code DT_SONAME}, if there is one} */
    public Optional<String> soname() {
        return value(DynamicEntry.DT_SONAME).flatMap(this::string);
    }

    /** {@return whether {@code DT_FLAGS_1} has {@code DF_1_PIE}: the object is a position-independent executable} */
    public boolean isPie() {
        for (DynamicEntry e : entries) {
            if (e.tag() == DynamicEntry.DT_NULL) {
                break;
            }
            if (e.tag() == DynamicEntry.DT_FLAGS_1) {
                return (e.value() & DynamicEntry.DF_1_PIE) != 0;
            }
        }
        return false;
    }
}
