package org.klpconvert.convert.annotation;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.klpconvert.convert.ConversionException;
import org.klpconvert.convert.KlpFormat;
import org.klpconvert.convert.diag.Diagnostic;
import org.klpconvert.elf.edit.ElfEditor;
import org.klpconvert.elf.edit.RawContent;
import org.klpconvert.elf.edit.Relocation;
import org.klpconvert.elf.edit.RelocationTable;
import org.klpconvert.elf.edit.Section;

/**
 * The author's {@code KLP_MODULE_RELOC}/{@code KLP_SYMPOS} annotations: loaded from the
 * module, removed from it, and checked (klp-convert.md section 4).
 */
public final class Annotations {
    /** Section name prefix of an annotation array. */
    public static final String SECTION_PREFIX = ".klp.module_relocs.";
    private static final String RELA_PREFIX = ".rela" + SECTION_PREFIX;
    private static final int RECORD_SIZE = 12;

    private final List<Annotation> records;
    private final Map<String, Annotation> byName;

    private Annotations(List<Annotation> records) {
        this.records = List.copyOf(records);
        this.byName = new HashMap<>();
        for (Annotation a : records) {
            byName.put(a.symbol(), a); // the last record loaded wins, even across objects (B11)
        }
    }

    /** {@return every record in load order} */
    public List<Annotation> records() {
        return records;
    }

    /**
     * {@return the record that decides {@code symbol}: the last one loaded with that name}
     *
     * @param symbol the symbol name
     */
    public Optional<Annotation> forSymbol(String symbol) {
        return Optional.ofNullable(byName.get(symbol));
    }

    /**
     * Loads every annotation, removes the annotation sections (with their relocation
     * sections, symbols and the relocations against those symbols), then checks the
     * records against what remains. Failures carry the C messages followed by M03.
     *
     * @param editor the module being converted
     * @return the annotations found
     * @throws ConversionException if the module cannot be converted; it carries the C tool's messages
     */
    public static Annotations extract(ElfEditor editor) throws ConversionException {
        List<Diagnostic> problems = new ArrayList<>();
        List<Annotation> records = load(editor, problems);
        if (!problems.isEmpty()) {
            problems.add(Diagnostic.unableToLoadSympos());
            throw new ConversionException(problems);
        }
        removeSections(editor);
        Annotations annotations = new Annotations(records);
        annotations.check(editor, problems);
        if (!problems.isEmpty()) {
            problems.add(Diagnostic.unableToLoadSympos());
            throw new ConversionException(problems);
        }
        return annotations;
    }

    private static List<Annotation> load(ElfEditor editor, List<Diagnostic> problems) {
        List<Annotation> records = new ArrayList<>();
        ByteOrder order = editor.shape().order();
        for (Section section : editor.sections()) {
            String object = objectOf(section.name());
            if (object == null) {
                continue;
            }
            if (object.length() > KlpFormat.MAX_OBJECT_LENGTH) {
                problems.add(Diagnostic.objectNameTooLong(section.name()));
                return records;
            }
            long count = section.content().size(editor.shape()) / RECORD_SIZE;
            String relaName = ".rela" + section.name();
            List<Relocation> relocations = editor.section(relaName)
                    .filter(s -> s.content() instanceof RelocationTable)
                    .map(s -> s.relocations().entries())
                    .orElse(List.of()); // D9: a missing companion counts as no relocations
            if (relocations.size() > count) {
                problems.add(Diagnostic.beyondEntries(relaName));
                return records;
            }
            // Equal counts are checked before pairing allocates: a NOBITS array may claim any size.
            if (relocations.size() < count) {
                problems.add(Diagnostic.entriesMismatch(relocations.size(), count, relaName));
                return records;
            }
            Relocation[] paired = pairByOffset(relocations, count, relaName, problems);
            if (paired == null) {
                return records;
            }
            // A NOBITS array has no file bytes: its memory is zero-filled, so every pos is 0
            // (C reads through a NULL data pointer there).
            ByteBuffer data = section.content() instanceof RawContent raw
                    ? ByteBuffer.wrap(raw.bytes()).order(order)
                    : null;
            for (int i = 0; i < count; i++) {
                Relocation r = paired[i];
                String symbol = r.symbol() == null ? "" : r.symbol().displayName();
                long pos = data == null ? 0 : data.getInt(i * RECORD_SIZE + 8) & 0xffffffffL;
                records.add(new Annotation(object, symbol, pos, records.size()));
            }
        }
        return records;
    }

    /**
     * D8: record i is the relocation at offset 12*i. Returns null, with the problem named,
     * when an offset is not at a record or two relocations claim one record.
     */
    private static Relocation[] pairByOffset(List<Relocation> relocations, long count, String relaName,
            List<Diagnostic> problems) {
        Relocation[] paired = new Relocation[(int) count];
        for (int entry = 0; entry < relocations.size(); entry++) {
            Relocation r = relocations.get(entry);
            long offset = r.offset();
            String problem = null;
            if (offset < 0 || offset / RECORD_SIZE >= count) {
                problem = "lies past the last of the " + count + " records (" + count * RECORD_SIZE + " bytes)";
            } else if (offset % RECORD_SIZE != 0) {
                problem = "is not at the start of a record (offsets are multiples of " + RECORD_SIZE + ")";
            } else if (paired[(int) (offset / RECORD_SIZE)] != null) {
                problem = "is a second relocation for record " + offset / RECORD_SIZE;
            }
            if (problem != null) {
                problems.add(Diagnostic.annotationOffset(relaName, entry, offset, problem));
                return null;
            }
            paired[(int) (offset / RECORD_SIZE)] = r;
        }
        return paired;
    }

    /**
     * The object of an annotation section: the characters after the prefix up to white
     * space, or null when the name is not an annotation section (at least one
     * non-white-space character must follow the prefix).
     */
    static String objectOf(String sectionName) {
        if (!sectionName.startsWith(SECTION_PREFIX)) {
            return null;
        }
        String rest = sectionName.substring(SECTION_PREFIX.length());
        int end = 0;
        while (end < rest.length() && !isCSpace(rest.charAt(end))) {
            end++;
        }
        return end == 0 ? null : rest.substring(0, end);
    }

    private static boolean isCSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000b' || c == '\f' || c == '\r';
    }

    private static void removeSections(ElfEditor editor) {
        List<Section> doomed = new ArrayList<>();
        for (Section s : editor.sections()) {
            if (s.name().startsWith(SECTION_PREFIX) || s.name().startsWith(RELA_PREFIX)) {
                doomed.add(s);
            }
        }
        if (!doomed.isEmpty()) {
            editor.remove(doomed);
        }
    }

    private void check(ElfEditor editor, List<Diagnostic> problems) {
        Set<String> referenced = new HashSet<>();
        for (Section s : editor.sections()) {
            if (s.content() instanceof RelocationTable table && table.isRela()) {
                for (Relocation r : table.entries()) {
                    if (r.symbol() != null) {
                        referenced.add(r.symbol().displayName());
                    }
                }
            }
        }
        // Each record meets only the older records of its own (object, symbol), and skips runs
        // of equal positions, so the work follows the number of messages, not records squared.
        Map<List<String>, SameName> groups = new HashMap<>();
        int[] placeInGroup = new int[records.size()];
        for (Annotation a : records) {
            placeInGroup[a.order()] = groups.computeIfAbsent(List.of(a.object(), a.symbol()), k -> new SameName())
                    .add(a);
        }
        for (int i = records.size() - 1; i >= 0; i--) {
            Annotation later = records.get(i);
            SameName group = groups.get(List.of(later.object(), later.symbol()));
            int k = placeInGroup[i] - 1;
            while (k >= 0) {
                Annotation earlier = group.records.get(k);
                if (earlier.pos() != later.pos()) {
                    problems.add(Diagnostic.conflictingSympos(later.object(), later.symbol(), later.pos(),
                            earlier.pos()));
                    k--;
                } else {
                    k = group.previousOtherPos.get(k);
                }
            }
            if (!referenced.contains(later.symbol())) {
                problems.add(Diagnostic.unusedAnnotation(later.symbol()));
            }
        }
    }

    /** The records naming one (object, symbol), in load order. */
    private static final class SameName {
        final List<Annotation> records = new ArrayList<>();
        /** For each record, the nearest earlier one with another position, or -1. */
        final List<Integer> previousOtherPos = new ArrayList<>();

        int add(Annotation a) {
            int place = records.size();
            int previous = -1;
            if (place > 0) {
                Annotation before = records.get(place - 1);
                previous = before.pos() != a.pos() ? place - 1 : previousOtherPos.get(place - 1);
            }
            records.add(a);
            previousOtherPos.add(previous);
            return place;
        }
    }
}
