package org.klpconvert.elf.note;

import java.util.List;
import java.util.Optional;

import org.klpconvert.elf.SectionHeader;

/**
 * The notes of one note section or {@code PT_NOTE} segment.
 *
 * @param section the section, or empty for a segment
 * @param offset file offset of the area
 * @param size its size in bytes
 * @param alignment the alignment of names and descriptors, 4 or 8 (0 when the area's alignment is neither)
 * @param notes the notes read, in order
 * @param problem why reading stopped before the end of the area, if it did
 */
public record NoteArea(Optional<SectionHeader> section, long offset, long size, int alignment, List<Note> notes,
        Optional<String> problem) {
    /**
     * Defensive copy of the notes.
     *
     * @param section the section, or empty for a segment
     * @param offset file offset of the area
     * @param size its size in bytes
     * @param alignment the alignment of names and descriptors, 4 or 8 (0 when the area's alignment is neither)
     * @param notes the notes read, in order
     * @param problem why reading stopped before the end of the area, if it did
     */
    public NoteArea {
        notes = List.copyOf(notes);
    }
}
