package org.klpconvert.convert.verify;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.klpconvert.convert.KlpFormat;
import org.klpconvert.elf.Elf;
import org.klpconvert.elf.ElfFile;
import org.klpconvert.elf.ElfFormatException;
import org.klpconvert.elf.ElfRelocation;
import org.klpconvert.elf.ElfSymbol;
import org.klpconvert.elf.SectionHeader;
import org.klpconvert.elf.edit.ElfEditor;
import org.klpconvert.elf.reloc.Machine;
import org.klpconvert.symbols.gen.ModuleFiles;

/**
 * What the rule families share about one module: its symbol table, its klp sections with
 * their parsed names, and relocation entries decoded once. Entries are decoded only for
 * sections whose header can be read as a table of this class's RELA/REL entries against the
 * symbol table; other headers are reported by KR5/KR7 and their entries are not checked.
 */
final class ModuleView {
    final ElfFile file;
    final Optional<Machine> machine;
    /** The symbol table the rules use: the first SHT_SYMTAB, or null when KM2 fails. */
    final SectionHeader symtab;
    final List<ElfSymbol> symbols;
    /** Sections with SHF_RELA_LIVEPATCH or a {@code .klp.rela.} name, in index order. */
    final List<SectionHeader> klpSections;
    private final Map<Integer, List<ElfRelocation>> entries = new HashMap<>();
    private ElfEditor editor;
    private boolean editorTried;

    ModuleView(ElfFile file) throws ElfFormatException {
        this.file = file;
        this.machine = Machine.of(file.header().machine());
        List<SectionHeader> tables = file.symbolTables();
        SectionHeader table = tables.isEmpty() ? null : tables.get(0);
        if (table != null && !linksToStringTable(table)) {
            table = null;
        }
        this.symtab = table;
        this.symbols = table == null ? List.of() : file.symbols(table);
        List<SectionHeader> klp = new ArrayList<>();
        for (SectionHeader s : file.sections()) {
            if (isKlp(s)) {
                klp.add(s);
            }
        }
        this.klpSections = Collections.unmodifiableList(klp);
    }

    static boolean isKlp(SectionHeader s) {
        return (s.flags() & Elf.SHF_RELA_LIVEPATCH) != 0 || s.name().startsWith(KlpFormat.RELA_PREFIX);
    }

    boolean linksToStringTable(SectionHeader s) {
        return s.link() > 0 && s.link() < file.sections().size()
                && file.section((int) s.link()).type() == Elf.SHT_STRTAB;
    }

    /** Whether {@code e_machine} is this one. */
    boolean is(Machine m) {
        return machine.filter(m::equals).isPresent();
    }

    /** The section {@code sh_info} names, if it is a valid non-null index. */
    Optional<SectionHeader> target(SectionHeader relocations) {
        long info = relocations.info();
        return info > 0 && info < file.sections().size() ? Optional.of(file.section((int) info)) : Optional.empty();
    }

    /** Whether the entries of a REL/RELA section can be decoded (see the class comment). */
    boolean decodable(SectionHeader s) {
        boolean rela = s.type() == Elf.SHT_RELA;
        if (!rela && s.type() != Elf.SHT_REL || symtab == null || s.link() != symtab.index()) {
            return false;
        }
        int size = rela ? file.header().relaSize() : file.header().relSize();
        return s.entsize() == size && s.size() % size == 0;
    }

    /** The entries of a relocation section, or none when it is not {@link #decodable}. */
    List<ElfRelocation> entries(SectionHeader s) throws ElfFormatException {
        if (!decodable(s)) {
            return List.of();
        }
        List<ElfRelocation> cached = entries.get(s.index());
        if (cached == null) {
            cached = file.relocations(s);
            entries.put(s.index(), cached);
        }
        return cached;
    }

    /** Relocation sections that are not klp sections (the kernel's "normal" ones). */
    List<SectionHeader> normalRelocationSections() {
        List<SectionHeader> result = new ArrayList<>();
        for (SectionHeader s : file.sections()) {
            if ((s.type() == Elf.SHT_RELA || s.type() == Elf.SHT_REL) && (s.flags() & Elf.SHF_RELA_LIVEPATCH) == 0) {
                result.add(s);
            }
        }
        return result;
    }

    ElfSymbol symbol(int index) {
        return symbols.get(index);
    }

    /**
     * The editable model, for the arch handlers' byte checks; empty when some table cannot be
     * decoded (its header is reported by another rule).
     */
    Optional<ElfEditor> editor() {
        if (!editorTried) {
            editorTried = true;
            try {
                editor = ElfEditor.open(file);
            } catch (ElfFormatException e) {
                editor = null;
            }
        }
        return Optional.ofNullable(editor);
    }

    /**
     * The module name the kernel would print, from the file name: {@code foo-bar.ko} is
     * module {@code foo_bar}.
     */
    String moduleName() {
        // The generator's rule for file names, after kbuild's ".tmp" of a module not yet converted.
        String base = ModuleFiles.objectName(Path.of(file.source()), true);
        if (base.endsWith(".tmp")) {
            base = base.substring(0, base.length() - ".tmp".length());
        }
        return base.replace('-', '_');
    }

    // ----------------------------------------------------------------- places

    static String place(SectionHeader s) {
        return "[" + s.index() + "] " + s.name();
    }

    static String place(SectionHeader s, int entry, ElfRelocation r) {
        return place(s) + " entry " + entry + " (offset 0x" + Long.toHexString(r.offset()) + ")";
    }

    static String place(ElfSymbol sym) {
        return "symbol " + sym.index() + " '" + sym.name() + "'";
    }
}
