package org.klpconvert.convert.support;

import org.klpconvert.elf.ElfFile;
import org.klpconvert.elf.ElfFormatException;
import org.klpconvert.elf.edit.ElfEditor;
import org.klpconvert.elf.edit.LayoutPolicy;
import org.klpconvert.elf.edit.Relocation;
import org.klpconvert.elf.edit.Section;

/** Edits a test object with the klp-elf editor, for inputs no assembler writes. */
public final class ModuleEdit {
    private ModuleEdit() {
    }

    /** One edit of the model. */
    @FunctionalInterface
    public interface Change {
        void apply(ElfEditor editor) throws ElfFormatException;
    }

    /** Applies {@code change} and writes the object back, keeping the other offsets. */
    public static byte[] edit(byte[] object, Change change) {
        try {
            ElfEditor editor = ElfEditor.open(ElfFile.parse(object, "edited"));
            change.apply(editor);
            return editor.write(LayoutPolicy.PRESERVE);
        } catch (ElfFormatException e) {
            throw new AssertionError("edit failed: " + e.getMessage(), e);
        }
    }

    /** The section of that name in an editor. */
    public static Section section(ElfEditor editor, String name) {
        return editor.section(name).orElseThrow(() -> new AssertionError("no section " + name));
    }

    /** Reverses the order of a relocation section's entries. */
    public static void reverseRelocations(Section section) {
        java.util.List<Relocation> entries = new java.util.ArrayList<>(section.relocations().entries());
        java.util.Collections.reverse(entries);
        section.relocations().removeIf(r -> true);
        section.relocations().addAll(entries);
    }
}
