package org.klpconvert.elf.note;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

import org.klpconvert.elf.Elf;
import org.klpconvert.elf.ElfFile;
import org.klpconvert.elf.ElfFormatException;
import org.klpconvert.elf.SectionHeader;
import org.klpconvert.elf.segment.ProgramHeader;
import org.klpconvert.elf.segment.ProgramHeaders;

/**
 * Splits an object's notes into {@link Note}s: the {@code SHT_NOTE} sections, or the
 * {@code PT_NOTE} segments when there are none. A note whose sizes run past its area ends the
 * area's list and is reported in {@link NoteArea#problem()}, so that the notes before it stay
 * readable; {@link #all(ElfFile)} makes that an error instead.
 */
public final class Notes {
    private static final int HEADER = 12;

    private Notes() {
    }

    /**
     * {@return the note areas of {@code file}, in section (or segment) order}
     *
     * @param file the object
     * @throws ElfFormatException if the object is malformed
     */
    public static List<NoteArea> areas(ElfFile file) throws ElfFormatException {
        List<NoteArea> areas = new ArrayList<>();
        for (SectionHeader s : file.sections()) {
            if (s.type() == Elf.SHT_NOTE) {
                areas.add(read(file, Optional.of(s), s.offset(), s.size(), s.addralign()));
            }
        }
        if (areas.isEmpty()) {
            for (ProgramHeader p : ProgramHeaders.of(file).list()) {
                if (p.type() == ProgramHeader.PT_NOTE) {
                    areas.add(read(file, Optional.empty(), p.offset(), p.filesz(), p.align()));
                }
            }
        }
        return Collections.unmodifiableList(areas);
    }

    /**
     * {@return every note of {@code file}; fails on the first malformed one}
     *
     * @param file the object
     * @throws ElfFormatException if the object is malformed
     */
    public static List<Note> all(ElfFile file) throws ElfFormatException {
        List<Note> notes = new ArrayList<>();
        for (NoteArea area : areas(file)) {
            if (area.problem().isPresent()) {
                throw new ElfFormatException(file.source(), area.offset(), area.problem().get());
            }
            notes.addAll(area.notes());
        }
        return Collections.unmodifiableList(notes);
    }

    /**
     * {@return the GNU build ID, if the object has one}
     *
     * @param file the object
     * @throws ElfFormatException if the object is malformed
     */
    public static Optional<String> buildId(ElfFile file) throws ElfFormatException {
        for (NoteArea area : areas(file)) {
            for (Note n : area.notes()) {
                if (n.buildId().isPresent()) {
                    return n.buildId();
                }
            }
        }
        return Optional.empty();
    }

    private static NoteArea read(ElfFile file, Optional<SectionHeader> section, long offset, long size, long align)
            throws ElfFormatException {
        int alignment = align < 4 ? 4 : align == 4 || align == 8 ? (int) align : 0;
        List<Note> notes = new ArrayList<>();
        if (alignment == 0) {
            return new NoteArea(section, offset, size, 0, notes,
                    Optional.of("note alignment " + align + " is neither 4 nor 8"));
        }
        if (size == 0) {
            return new NoteArea(section, offset, size, alignment, notes, Optional.empty());
        }
        ByteBuffer b = file.bytes(offset, size, "note area");
        long at = 0;
        while (at < size) {
            long remaining = size - at;
            if (remaining < HEADER) {
                return new NoteArea(section, offset, size, alignment, notes, Optional.of("note at offset 0x"
                        + Long.toHexString(offset + at) + ": only " + remaining + " bytes remain"));
            }
            long namesz = b.getInt((int) at) & 0xffffffffL;
            long descsz = b.getInt((int) at + 4) & 0xffffffffL;
            long type = b.getInt((int) at + 8) & 0xffffffffL;
            long descAt = alignUp(HEADER + namesz, alignment);
            long next = alignUp(descAt + descsz, alignment);
            if (descAt > remaining || next > remaining) {
                return new NoteArea(section, offset, size, alignment, notes, Optional.of("note at offset 0x"
                        + Long.toHexString(offset + at) + " has namesz " + namesz + " and descsz " + descsz
                        + ", more than the " + remaining + " bytes left"));
            }
            int nameLength = 0;
            while (nameLength < namesz && b.get((int) at + HEADER + nameLength) != 0) {
                nameLength++;
            }
            if (isBuildAttributeName(b, (int) at + HEADER, nameLength)) {
                // A GNU build-attribute name ("GA...") carries a value after an inner NUL: keep
                // the whole field but for its terminating NUL.
                nameLength = (int) namesz;
                if (nameLength > 0 && b.get((int) at + HEADER + nameLength - 1) == 0) {
                    nameLength--;
                }
            }
            byte[] name = new byte[nameLength];
            b.get((int) at + HEADER, name);
            ByteBuffer descriptor = b.slice((int) (at + descAt), (int) descsz).order(b.order());
            notes.add(new Note(new String(name, java.nio.charset.StandardCharsets.ISO_8859_1), type,
                    offset + at + descAt, descriptor));
            at += next;
        }
        return new NoteArea(section, offset, size, alignment, notes, Optional.empty());
    }

    private static boolean isBuildAttributeName(ByteBuffer b, int at, int length) {
        return length >= 2 && b.get(at) == 'G' && b.get(at + 1) == 'A';
    }

    private static long alignUp(long value, int alignment) {
        return (value + alignment - 1) & -alignment;
    }
}
