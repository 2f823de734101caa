package org.klpconvert.elf.hostile;

import org.klpconvert.elf.Elf;
import org.klpconvert.elf.ElfFile;
import org.klpconvert.elf.ElfFormatException;
import org.klpconvert.elf.SectionHeader;
import java.util.EnumSet;

import org.klpconvert.elf.ElfSymbol;
import org.klpconvert.elf.dump.DumpOption;
import org.klpconvert.elf.dump.ReadelfDump;
import org.klpconvert.elf.dynamic.DynamicSection;
import org.klpconvert.elf.kmod.ModuleInfo;
import org.klpconvert.elf.note.Notes;
import org.klpconvert.elf.segment.ProgramHeader;
import org.klpconvert.elf.segment.ProgramHeaders;
import org.klpconvert.elf.version.SymbolVersions;
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
        inspect(file);
    }

    /**
     * The read-only views of executables, libraries and modules, and the dump of all nine
     * readelf options; returns normally or throws {@link ElfFormatException}.
     */
    static void inspect(ElfFile file) throws ElfFormatException {
        ReadelfDump.of(file, EnumSet.allOf(DumpOption.class));
        ProgramHeaders segments = ProgramHeaders.of(file);
        for (ProgramHeader p : segments.list()) {
            ProgramHeaders.sectionsIn(file, p);
        }
        DynamicSection.of(file).ifPresent(d -> d.needed());
        SymbolVersions versions = SymbolVersions.of(file);
        for (ElfSymbol symbol : file.dynamicSymbols()) {
            versions.versionOf(symbol);
        }
        Notes.areas(file);
        ModuleInfo info = ModuleInfo.of(file);
        info.modinfoText(file.source());
        info.modversionsText();
    }
}
