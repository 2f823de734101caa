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

    /** {@return the header this section was read from, or null for a section the editor added} */
    public SectionHeader original() {
        return original;
    }

    /** {@return the section name} */
    public String name() {
        return name;
    }

    /** {@return offset of the name in the section-name table ({@code sh_name})} */
    public int nameOffset() {
        return nameOffset;
    }

    /** {@return the section type ({@code SHT_*})} */
    public int type() {
        return type;
    }

    /** {@return the section flags ({@code SHF_*})} */
    public long flags() {
        return flags;
    }

    /**
     * Sets the section flags.
     *
     * @param flags the new flags
     */
    public void setFlags(long flags) {
        this.flags = flags;
    }

    /** {@return the {@code sh_addr} value} */
    public long addr() {
        return addr;
    }

    /**
     * Sets the {@code sh_addr} value.
     *
     * @param addr the new value
     */
    public void setAddr(long addr) {
        this.addr = addr;
    }

    /** {@return the {@code sh_addralign} value} */
    public long addralign() {
        return addralign;
    }

    /**
     * Sets the {@code sh_addralign} value.
     *
     * @param addralign the new value
     */
    public void setAddralign(long addralign) {
        this.addralign = addralign;
    }

    /** {@return the {@code sh_entsize} value} */
    public long entsize() {
        return entsize;
    }

    /**
     * Sets the {@code sh_entsize} value.
     *
     * @param entsize the new value
     */
    public void setEntsize(long entsize) {
        this.entsize = entsize;
    }

    /** {@return the section {@code sh_link} refers to, or null when it is a raw value} */
    public Section link() {
        return link;
    }

    /** {@return the raw {@code sh_link} value, used when {@link #link()} is null} */
    public long rawLink() {
        return rawLink;
    }

    /**
     * Makes {@code sh_link} refer to a section, renumbered on write.
     *
     * @param link the section to refer to
     */
    public void setLink(Section link) {
        this.link = link;
    }

    /**
     * Sets a raw {@code sh_link} value, written as is.
     *
     * @param value the raw value
     */
    public void setRawLink(long value) {
        this.link = null;
        this.rawLink = value;
    }

    /** {@return the section {@code sh_info} refers to (relocation target, SHF_INFO_LINK), or null} */
    public Section infoSection() {
        return infoSection;
    }

    /** {@return the symbol {@code sh_info} refers to (group signature), or null} */
    public Symbol infoSymbol() {
        return infoSymbol;
    }

    /** {@return the raw {@code sh_info} value, used when it refers to nothing} */
    public long rawInfo() {
        return rawInfo;
    }

    /**
     * Makes {@code sh_info} refer to a section, renumbered on write.
     *
     * @param section the section to refer to
     */
    public void setInfoSection(Section section) {
        this.infoSection = section;
        this.infoSymbol = null;
    }

    /**
     * Makes {@code sh_info} refer to a symbol, renumbered on write.
     *
     * @param symbol the symbol to refer to
     */
    public void setInfoSymbol(Symbol symbol) {
        this.infoSymbol = symbol;
        this.infoSection = null;
    }

    /**
     * Sets a raw {@code sh_info} value, written as is.
     *
     * @param value the raw value
     */
    public void setRawInfo(long value) {
        this.infoSection = null;
        this.infoSymbol = null;
        this.rawInfo = value;
    }

    /** {@return the section's content} */
    public SectionContent content() {
        return content;
    }

    /**
     * Replaces the section's content.
     *
     * @param content the new content
     */
    public void setContent(SectionContent content) {
        this.content = content;
    }

    /** {@return the relocation entries, for a REL or RELA section; fails for any other content} */
    public RelocationTable relocations() {
        if (content instanceof RelocationTable table) {
            return table;
        }
        throw new IllegalStateException("section " + name + " holds no relocation table");
    }

    /** {@return the symbols, for a symbol table section; fails for any other content} */
    public SymbolTable symbols() {
        if (content instanceof SymbolTable table) {
            return table;
        }
        throw new IllegalStateException("section " + name + " holds no symbol table");
    }

    /** {@return the strings, for a string table section; fails for any other content} */
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
