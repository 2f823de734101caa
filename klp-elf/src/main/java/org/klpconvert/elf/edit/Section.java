package org.klpconvert.elf.edit;

import org.klpconvert.elf.SectionHeader;

/**
 * An editable section: a stable handle. Fields that hold a section or symbol index in the
 * file ({@code sh_link}, {@code sh_info}) are kept as references where the section type
 * says what they point to, and as raw numbers otherwise; indices are assigned when the
 * object is written.
 */
public final class Section {
    private final SectionHeader original;
    private String name;
    private int nameOffset;
    private int type;
    private long flags;
    private long addr;
    private long addralign;
    private long entsize;
    private Section link;
    private long rawLink;
    private Section infoSection;
    private Symbol infoSymbol;
    private long rawInfo;
    private SectionContent content;

    int writeIndex;
    long writeGeneration = -1;

    Section(SectionHeader original, String name, int nameOffset, int type, SectionContent content) {
        this.original = original;
        this.name = name;
        this.nameOffset = nameOffset;
        this.type = type;
        this.content = content;
        if (original != null) {
            this.flags = original.flags();
            this.addr = original.addr();
            this.addralign = original.addralign();
            this.entsize = original.entsize();
            this.rawLink = original.link();
            this.rawInfo = original.info();
        }
    }

    /** The header this section was read from, or null for a section the editor added. */
    public SectionHeader original() {
        return original;
    }

    public String name() {
        return name;
    }

    /** Offset of the name in the section-name table ({@code sh_name}). */
    public int nameOffset() {
        return nameOffset;
    }

    public int type() {
        return type;
    }

    public long flags() {
        return flags;
    }

    public void setFlags(long flags) {
        this.flags = flags;
    }

    public long addr() {
        return addr;
    }

    public void setAddr(long addr) {
        this.addr = addr;
    }

    public long addralign() {
        return addralign;
    }

    public void setAddralign(long addralign) {
        this.addralign = addralign;
    }

    public long entsize() {
        return entsize;
    }

    public void setEntsize(long entsize) {
        this.entsize = entsize;
    }

    /** The section {@code sh_link} refers to, or null when it is a raw value. */
    public Section link() {
        return link;
    }

    public long rawLink() {
        return rawLink;
    }

    public void setLink(Section link) {
        this.link = link;
    }

    public void setRawLink(long value) {
        this.link = null;
        this.rawLink = value;
    }

    /** The section {@code sh_info} refers to (relocation target, SHF_INFO_LINK), or null. */
    public Section infoSection() {
        return infoSection;
    }

    /** The symbol {@code sh_info} refers to (group signature), or null. */
    public Symbol infoSymbol() {
        return infoSymbol;
    }

    public long rawInfo() {
        return rawInfo;
    }

    public void setInfoSection(Section section) {
        this.infoSection = section;
        this.infoSymbol = null;
    }

    public void setInfoSymbol(Symbol symbol) {
        this.infoSymbol = symbol;
        this.infoSection = null;
    }

    public void setRawInfo(long value) {
        this.infoSection = null;
        this.infoSymbol = null;
        this.rawInfo = value;
    }

    public SectionContent content() {
        return content;
    }

    public void setContent(SectionContent content) {
        this.content = content;
    }

    /** The relocation entries, for a REL or RELA section; fails for any other content. */
    public RelocationTable relocations() {
        if (content instanceof RelocationTable table) {
            return table;
        }
        throw new IllegalStateException("section " + name + " holds no relocation table");
    }

    /** The symbols, for a symbol table section; fails for any other content. */
    public SymbolTable symbols() {
        if (content instanceof SymbolTable table) {
            return table;
        }
        throw new IllegalStateException("section " + name + " holds no symbol table");
    }

    /** The strings, for a string table section; fails for any other content. */
    public StringTable strings() {
        if (content instanceof StringTable table) {
            return table;
        }
        throw new IllegalStateException("section " + name + " holds no string table");
    }

    @Override
    public String toString() {
        return name;
    }
}
