package org.klpconvert.elf.edit;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.klpconvert.elf.Elf;
import org.klpconvert.elf.ElfFile;
import org.klpconvert.elf.ElfFormatException;
import org.klpconvert.elf.ElfHeader;
import org.klpconvert.elf.ElfRelocation;
import org.klpconvert.elf.ElfSymbol;
import org.klpconvert.elf.SectionHeader;

/**
 * An editable model of an ELF object. Sections and symbols are handles; every field that
 * holds an index in the file ({@code sh_link}, {@code sh_info}, {@code st_shndx}, group
 * members, relocation symbols, {@code e_shstrndx}) is a reference here and is renumbered
 * when the object is written, so edits cannot leave stale indices behind.
 */
public final class ElfEditor {
    private final ElfFile source;
    private final ObjectShape shape;
    private final List<Section> sections = new ArrayList<>();
    private Section sectionNames;
    private long flags;

    private ElfEditor(ElfFile source) {
        this.source = source;
        this.shape = new ObjectShape(source.is64(), source.byteOrder());
        this.flags = source.header().flags();
    }

    /**
     * Decodes every table of {@code file} into an editable model.
     *
     * @param file the object to decode (not modified)
     * @return the editable model
     * @throws ElfFormatException if the object is malformed
     */
    public static ElfEditor open(ElfFile file) throws ElfFormatException {
        ElfEditor editor = new ElfEditor(file);
        editor.decode();
        return editor;
    }

    /** {@return the object this model was read from} */
    public ElfFile source() {
        return source;
    }

    /** {@return the original ELF header} */
    public ElfHeader header() {
        return source.header();
    }

    /** {@return the entry sizes of this object's class} */
    public ObjectShape shape() {
        return shape;
    }

    /** {@return {@code e_flags} to write} */
    public long flags() {
        return flags;
    }

    /**
     * Sets the {@code e_flags} to write.
     *
     * @param flags the new {@code e_flags}
     */
    public void setFlags(long flags) {
        this.flags = flags;
    }

    /** {@return sections in index order, section 0 included; a live read-only view} */
    public List<Section> sections() {
        return Collections.unmodifiableList(sections);
    }

    /**
     * {@return the first section with that exact name}
     *
     * @param name the section name
     */
    public Optional<Section> section(String name) {
        for (Section s : sections) {
            if (s.name().equals(name)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    /** {@return the section-name string table (the section {@code e_shstrndx} refers to)} */
    public Section sectionNames() {
        return sectionNames;
    }

    /**
     * Appends a new section after all existing ones; its name is appended to the section-name
     * table. Link, info, alignment and entry size start at 0.
     *
     * @param name the section name
     * @param type the section type ({@code SHT_*})
     * @param flags the section flags ({@code SHF_*})
     * @param content the section's content
     * @return the new section
     */
    public Section addSection(String name, int type, long flags, SectionContent content) {
        int nameOffset = sectionNames.strings().append(name);
        Section s = new Section(null, name, nameOffset, type, content);
        s.setFlags(flags);
        sections.add(s);
        return s;
    }

    /**
     * Gives {@code symbol} a new name, appended to the string table of its symbol table; the
     * old string stays where it was.
     *
     * @param symbolTable the symbol table that holds the symbol
     * @param symbol the symbol to rename
     * @param newName its new name
     */
    public void rename(Section symbolTable, Symbol symbol, String newName) {
        Section strings = symbolTable.link();
        if (strings == null) {
            throw new IllegalStateException("symbol table " + symbolTable.name() + " has no string table");
        }
        symbol.setName(newName, strings.strings().append(newName));
    }

    /**
     * Removes sections and everything that depends on them: symbols defined in them,
     * relocations (in any section) against those symbols, relocation sections that apply to
     * them, extended index tables of removed symbol tables, and their membership in groups.
     *
     * @param doomed the sections to remove
     */
    public void remove(List<Section> doomed) {
        Set<Section> gone = Collections.newSetFromMap(new IdentityHashMap<>());
        gone.addAll(doomed);
        boolean grew = true;
        while (grew) {
            grew = false;
            for (Section s : sections) {
                boolean appliesToGone = s.content() instanceof RelocationTable && s.infoSection() != null
                        && gone.contains(s.infoSection());
                boolean extendsGone = s.content() instanceof ExtendedIndexTable && gone.contains(s.link());
                if (!gone.contains(s) && (appliesToGone || extendsGone)) {
                    gone.add(s);
                    grew = true;
                }
            }
        }
        Set<Symbol> goneSymbols = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Section s : sections) {
            if (!gone.contains(s) && s.content() instanceof SymbolTable table) {
                for (Symbol sym : table.symbols()) {
                    if (sym.section() != null && gone.contains(sym.section())) {
                        goneSymbols.add(sym);
                    }
                }
                table.removeIf(goneSymbols::contains);
            }
        }
        for (Section s : sections) {
            if (gone.contains(s)) {
                continue;
            }
            if (!goneSymbols.isEmpty() && s.content() instanceof RelocationTable table) {
                table.removeIf(r -> r.symbol() != null && goneSymbols.contains(r.symbol()));
            }
            if (s.content() instanceof GroupContent group) {
                for (Section member : gone) {
                    group.removeMember(member);
                }
            }
        }
        sections.removeIf(gone::contains);
    }

    /**
     * Removes one section and what depends on it; see {@link #remove(List)}.
     *
     * @param section the section to remove
     */
    public void remove(Section section) {
        remove(List.of(section));
    }

    /**
     * Serialises the model with the given layout. A symbol table that needs extended section
     * indices (a symbol defined in a section whose index is {@code 0xff00} or more) and has no
     * {@code .symtab_shndx} gets one first: it is appended to the model as the last section.
     *
     * @param policy where sections are placed in the file
     * @return the bytes of the object
     * @throws ElfFormatException if the object is malformed
     */
    public byte[] write(LayoutPolicy policy) throws ElfFormatException {
        addMissingExtendedIndexTables();
        return new ElfWriter(this, policy).toArray();
    }

    /**
     * Serialises the model with the given layout to a stream, as {@link #write(LayoutPolicy)}
     * does to an array. With {@link LayoutPolicy#LIBELF} the whole object is never held: the
     * sections' bytes go to {@code out} in file order, so a module with a gigabyte of debug
     * information costs its decoded sections and no second copy. The stream is not closed.
     *
     * @param policy where sections are placed in the file
     * @param out where the bytes go
     * @throws ElfFormatException if the object is malformed; nothing has been written then
     * @throws IOException if {@code out} fails
     */
    public void write(LayoutPolicy policy, OutputStream out) throws IOException {
        addMissingExtendedIndexTables();
        new ElfWriter(this, policy).writeTo(out);
    }

    /**
     * Gives every symbol table that needs extended section indices a {@code .symtab_shndx}, as
     * writing does first; called before writing, it shows the model as it will be written.
     * Calling it again changes nothing.
     */
    public void addMissingExtendedIndexTables() {
        if (sections.size() <= Elf.SHN_LORESERVE) {
            return; // every index fits in st_shndx
        }
        Map<Section, Integer> index = new IdentityHashMap<>();
        Set<Section> extended = Collections.newSetFromMap(new IdentityHashMap<>());
        for (int i = 0; i < sections.size(); i++) {
            Section s = sections.get(i);
            index.put(s, i);
            if (s.content() instanceof ExtendedIndexTable && s.link() != null) {
                extended.add(s.link());
            }
        }
        List<Section> needy = new ArrayList<>();
        for (Section s : sections) {
            boolean needsOne = s.content() instanceof SymbolTable table && !extended.contains(s)
                    && needsExtendedIndices(table, index);
            if (needsOne) {
                needy.add(s);
            }
        }
        for (Section table : needy) {
            Section shndx = addSection(".symtab_shndx", Elf.SHT_SYMTAB_SHNDX, 0,
                    new ExtendedIndexTable(table.symbols()));
            shndx.setLink(table);
            shndx.setEntsize(4);
            shndx.setAddralign(4);
        }
    }

    private static boolean needsExtendedIndices(SymbolTable table, Map<Section, Integer> index) {
        for (Symbol sym : table.symbols()) {
            Integer at = sym.section() == null ? null : index.get(sym.section());
            if (at != null && at >= Elf.SHN_LORESERVE) {
                return true;
            }
        }
        return false;
    }

    // ------------------------------------------------------------------ decoding

    private void decode() throws ElfFormatException {
        List<SectionHeader> headers = source.sections();
        Map<Integer, Section> byIndex = new java.util.HashMap<>();
        for (SectionHeader h : headers) {
            Section s = new Section(h, h.name(), (int) h.nameOffset(), h.type(), null);
            sections.add(s);
            byIndex.put(h.index(), s);
        }
        int n = headers.size();
        if (n > 0) {
            sectionNames = sections.get(source.header().shstrndx());
        }
        // First pass: contents that need no other table.
        for (SectionHeader h : headers) {
            Section s = sections.get(h.index());
            switch (h.type()) {
                case Elf.SHT_NOBITS -> s.setContent(new NoBits(h.size()));
                case Elf.SHT_STRTAB -> s.setContent(new StringTable(source.contentBytes(h)));
                default -> s.setContent(new RawContent(source.contentBytes(h)));
            }
        }
        // Symbol tables, then what refers to symbols.
        Map<Integer, List<Symbol>> symbolsByTable = new java.util.HashMap<>();
        for (SectionHeader h : headers) {
            if (h.type() == Elf.SHT_SYMTAB) {
                List<Symbol> symbols = new ArrayList<>();
                for (ElfSymbol es : source.symbols(h)) {
                    Section defined = es.hasSection() ? sections.get(es.sectionIndex()) : null;
                    symbols.add(new Symbol(es.name(), (int) es.nameOffset(), es.info(), es.other(), defined,
                            es.shndx(), es.value(), es.size()));
                }
                Section s = sections.get(h.index());
                s.setContent(new SymbolTable(symbols));
                s.setLink(sections.get((int) h.link()));
                symbolsByTable.put(h.index(), symbols);
            }
        }
        for (SectionHeader h : headers) {
            Section s = sections.get(h.index());
            switch (h.type()) {
                case Elf.SHT_REL, Elf.SHT_RELA -> decodeRelocations(h, s, symbolsByTable);
                case Elf.SHT_GROUP -> decodeGroup(h, s, symbolsByTable);
                case Elf.SHT_SYMTAB_SHNDX -> {
                    // Only an extension of a decoded symbol table is rebuilt; any other stays raw.
                    List<Symbol> symbols = h.link() > 0 && h.link() < n ? symbolsByTable.get((int) h.link()) : null;
                    if (symbols != null) {
                        Section table = sections.get((int) h.link());
                        s.setContent(new ExtendedIndexTable(table.symbols()));
                        s.setLink(table);
                    }
                }
                default -> {
                    if ((h.flags() & Elf.SHF_LINK_ORDER) != 0 && h.link() > 0 && h.link() < n) {
                        s.setLink(sections.get((int) h.link()));
                    }
                    if ((h.flags() & Elf.SHF_INFO_LINK) != 0 && h.info() > 0 && h.info() < n) {
                        s.setInfoSection(sections.get((int) h.info()));
                    }
                }
            }
        }
    }

    private void decodeRelocations(SectionHeader h, Section s, Map<Integer, List<Symbol>> symbolsByTable)
            throws ElfFormatException {
        int n = sections.size();
        if (h.link() <= 0 || h.link() >= n || !symbolsByTable.containsKey((int) h.link())) {
            // Not tied to a symbol table we decoded: carry the bytes unchanged.
            return;
        }
        List<Symbol> symbols = symbolsByTable.get((int) h.link());
        List<ElfRelocation> raw = source.relocations(h);
        List<Relocation> entries = new ArrayList<>(raw.size());
        for (ElfRelocation r : raw) {
            entries.add(new Relocation(r.offset(), r.type(), r.symbol() == 0 ? null : symbols.get(r.symbol()),
                    r.addend()));
        }
        s.setContent(new RelocationTable(h.type() == Elf.SHT_RELA, entries));
        s.setLink(sections.get((int) h.link()));
        if (h.info() > 0 && h.info() < n) {
            s.setInfoSection(sections.get((int) h.info()));
        }
    }

    private void decodeGroup(SectionHeader h, Section s, Map<Integer, List<Symbol>> symbolsByTable)
            throws ElfFormatException {
        int n = sections.size();
        if (h.size() % 4 != 0 || h.size() < 4) {
            throw new ElfFormatException(source.source(), h.offset(), "group section " + h.name() + " has size "
                    + h.size() + ", not a positive multiple of 4");
        }
        java.nio.ByteBuffer words = source.content(h);
        int count = (int) (h.size() / 4);
        List<Section> members = new ArrayList<>(count - 1);
        for (int i = 1; i < count; i++) {
            long member = words.getInt(i * 4) & 0xffffffffL;
            if (member <= 0 || member >= n) {
                throw new ElfFormatException(source.source(), h.offset() + i * 4L, "group section " + h.name()
                        + " lists member " + member + ", which is not a section (" + n + " sections)");
            }
            members.add(sections.get((int) member));
        }
        s.setContent(new GroupContent(words.getInt(0), members));
        List<Symbol> symbols = symbolsByTable.get((int) h.link());
        if (symbols != null) {
            s.setLink(sections.get((int) h.link()));
            if (h.info() < symbols.size()) {
                s.setInfoSymbol(symbols.get((int) h.info()));
            }
        }
    }
}
