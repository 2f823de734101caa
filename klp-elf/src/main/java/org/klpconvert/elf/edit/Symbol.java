package org.klpconvert.elf.edit;

/**
 * An editable symbol: a stable handle whose index is assigned only when the object is
 * written. A defined symbol refers to its {@link Section}; any other symbol carries a raw
 * special index ({@code SHN_UNDEF}, {@code SHN_ABS}, {@code SHN_COMMON},
 * {@code SHN_LIVEPATCH}, ...).
 */
public final class Symbol {
    private String name;
    private int nameOffset;
    private int info;
    private int other;
    private Section section;
    private int specialIndex;
    private long value;
    private long size;

    int writeIndex;
    long writeGeneration = -1;

    /**
     * A symbol table entry.
     *
     * @param name         the name
     * @param nameOffset   the offset of the name in the original string table
     * @param info         the {@code st_info} byte
     * @param other        the {@code st_other} byte
     * @param section      the defining section, or null
     * @param specialIndex the special section index ({@code SHN_*}) when {@code section} is null
     * @param value        the {@code st_value}
     * @param size         the {@code st_size}
     */
    public Symbol(String name, int nameOffset, int info, int other, Section section, int specialIndex,
            long value, long size) {
        this.name = name;
        this.nameOffset = nameOffset;
        this.info = info;
        this.other = other;
        this.section = section;
        this.specialIndex = section == null ? specialIndex : 0;
        this.value = value;
        this.size = size;
    }

    /** {@return the symbol name} */
    public String name() {
        return name;
    }

    /** {@return offset of the name in the string table ({@code st_name})} */
    public int nameOffset() {
        return nameOffset;
    }

    void setName(String name, int nameOffset) {
        this.name = name;
        this.nameOffset = nameOffset;
    }

    /** {@return the {@code st_info} byte} */
    public int info() {
        return info;
    }

    /** {@return the binding ({@code STB_*})} */
    public int bind() {
        return info >>> 4;
    }

    /** {@return the type ({@code STT_*})} */
    public int type() {
        return info & 0xf;
    }

    /** {@return the {@code st_other} byte} */
    public int other() {
        return other;
    }

    /** {@return the section the symbol is defined in, or null} */
    public Section section() {
        return section;
    }

    /** {@return the raw {@code st_shndx} of a symbol without a section (0 for a defined one)} */
    public int specialIndex() {
        return specialIndex;
    }

    /** {@return whether the symbol is defined in a section of this object} */
    public boolean isDefined() {
        return section != null;
    }

    /**
     * Detaches the symbol from any section and gives it a special index.
     *
     * @param shndx the special section index ({@code SHN_*})
     */
    public void setSpecialIndex(int shndx) {
        this.section = null;
        this.specialIndex = shndx;
    }

    /**
     * Defines the symbol in a section.
     *
     * @param section the defining section
     */
    public void setSection(Section section) {
        this.section = section;
        this.specialIndex = 0;
    }

    /** {@return the {@code st_value}} */
    public long value() {
        return value;
    }

    /**
     * Sets the {@code st_value}.
     *
     * @param value the new value
     */
    public void setValue(long value) {
        this.value = value;
    }

    /** {@return the {@code st_size}} */
    public long size() {
        return size;
    }

    /**
     * Sets the {@code st_size}.
     *
     * @param size the new size
     */
    public void setSize(long size) {
        this.size = size;
    }

    /**
     * {@return the name a tool shows: a section symbol takes its section's name, as readelf and
     * klp-convert do}
     */
    public String displayName() {
        if (type() == org.klpconvert.elf.Elf.STT_SECTION && section != null) {
            return section.name();
        }
        return name;
    }

    @Override
    public String toString() {
        return displayName();
    }
}
