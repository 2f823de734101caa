package org.klpconvert.elf.hostile;

import org.klpconvert.elf.Elf;
import org.klpconvert.elf.ElfFile;
import org.klpconvert.elf.ElfFormatException;
import org.klpconvert.elf.SectionHeader;
import org.klpconvert.elf.dump.ReadelfDump;
import org.klpconvert.elf.edit.ElfEditor;
import org.klpconvert.elf.edit.LayoutPolicy;

/** Runs every public reading path of klp-elf over one input. */
final class Exercise {
    private Exercise() {
    }

    /**
     * Parses, decodes every table, opens the editor and writes in both layouts, and dumps.
     * Returns normally or throws {@link ElfFormatException}; anything else is a bug.
     */
    static void all(byte[] bytes, String name) throws ElfFormatException {
        ElfFile file = ElfFile.parse(bytes, name);
        for (SectionHeader s : file.sections()) {
            if (s.type() == Elf.SHT_SYMTAB) {
                file.symbols(s);
            } else if (s.type() == Elf.SHT_REL || s.type() == Elf.SHT_RELA) {
                file.relocations(s);
            }
        }
        file.symbols();
        ElfEditor editor = ElfEditor.open(file);
        editor.write(LayoutPolicy.PRESERVE);
        editor.write(LayoutPolicy.LIBELF);
        ReadelfDump.of(file);
    }
}
