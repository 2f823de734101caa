package org.klpconvert.convert.support;

import static java.nio.charset.StandardCharsets.ISO_8859_1;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.klpconvert.elf.ElfFile;
import org.klpconvert.elf.ElfFormatException;
import org.klpconvert.elf.SectionHeader;

/**
 * Writes header, symbol and relocation fields straight into the bytes of an object, for
 * inputs that no assembler and no editor would produce. Positions come from a well-formed
 * original, so edits can be stacked: each one changes only the bytes of its own field.
 */
public final class RawElf {
    /** A section header field, with its offset and width for each class. */
    public enum Field {
        NAME(0, 4, 0), TYPE(4, 4, 4), FLAGS(8, 8, 8), ADDR(16, 8, 12), OFFSET(24, 8, 16), SIZE(32, 8, 20),
        LINK(40, 4, 24), INFO(44, 4, 28), ADDRALIGN(48, 8, 32), ENTSIZE(56, 8, 36);

        final int offset64;
        final int width64;
        final int offset32;

        Field(int offset64, int width64, int offset32) {
            this.offset64 = offset64;
            this.width64 = width64;
            this.offset32 = offset32;
        }
    }

    private final ElfFile layout;
    private final ByteBuffer buf;

    /**
     * Edits {@code bytes} in place, at the positions {@code layout} (the unedited object)
     * gives.
     */
    public RawElf(ElfFile layout, byte[] bytes) {
        this.layout = layout;
        this.buf = ByteBuffer.wrap(bytes).order(layout.byteOrder());
    }

    public boolean is64() {
        return layout.is64();
    }

    /** Sets a section header field; the value is truncated to the field's width. */
    public RawElf set(int section, Field f, long value) {
        int at = (int) (layout.header().shoff() + (long) section * layout.header().shentsize());
        if (is64()) {
            put(at + f.offset64, f.width64, value);
        } else {
            put(at + f.offset32, 4, value);
        }
        return this;
    }

    /** Sets {@code e_machine}. */
    public RawElf machine(int machine) {
        put(18, 2, machine);
        return this;
    }

    /** Sets {@code e_shstrndx}. */
    public RawElf shstrndx(int index) {
        put(is64() ? 62 : 50, 2, index);
        return this;
    }

    /** Sets {@code st_shndx} of symbol {@code index} of {@code symtab}. */
    public RawElf symbolShndx(SectionHeader symtab, int index, int shndx) {
        put(symbolAt(symtab, index) + (is64() ? 6 : 14), 2, shndx);
        return this;
    }

    /** Sets {@code st_name} of symbol {@code index} of {@code symtab}. */
    public RawElf symbolName(SectionHeader symtab, int index, long nameOffset) {
        put(symbolAt(symtab, index), 4, nameOffset);
        return this;
    }

    /** Sets {@code st_info} of symbol {@code index} of {@code symtab}. */
    public RawElf symbolInfo(SectionHeader symtab, int index, int info) {
        put(symbolAt(symtab, index) + (is64() ? 4 : 12), 1, info);
        return this;
    }

    /** Sets the symbol index of relocation {@code entry} of RELA section {@code rela}. */
    public RawElf relocationSymbol(SectionHeader rela, int entry, long symbol) {
        int info = relocationAt(rela, entry) + (is64() ? 8 : 4);
        if (is64()) {
            put(info, 8, symbol << 32 | buf.getLong(info) & 0xffffffffL);
        } else {
            put(info, 4, symbol << 8 | buf.getInt(info) & 0xff);
        }
        return this;
    }

    /** Sets the type of relocation {@code entry} of RELA section {@code rela}. */
    public RawElf relocationType(SectionHeader rela, int entry, int type) {
        int info = relocationAt(rela, entry) + (is64() ? 8 : 4);
        if (is64()) {
            put(info, 8, buf.getLong(info) & 0xffffffff00000000L | type & 0xffffffffL);
        } else {
            put(info, 4, buf.getInt(info) & 0xffffff00L | type & 0xff);
        }
        return this;
    }

    /** Sets {@code r_offset} of relocation {@code entry} of RELA section {@code rela}. */
    public RawElf relocationOffset(SectionHeader rela, int entry, long offset) {
        put(relocationAt(rela, entry), is64() ? 8 : 4, offset);
        return this;
    }

    /** Writes a 32-bit word at a file offset. */
    public RawElf putWord(long at, long value) {
        put((int) at, 4, value);
        return this;
    }

    private int symbolAt(SectionHeader symtab, int index) {
        return (int) symtab.offset() + index * (is64() ? 24 : 16);
    }

    private int relocationAt(SectionHeader rela, int entry) {
        return (int) rela.offset() + entry * (is64() ? 24 : 12);
    }

    private void put(int at, int width, long value) {
        switch (width) {
            case 1 -> buf.put(at, (byte) value);
            case 2 -> buf.putShort(at, (short) value);
            case 4 -> buf.putInt(at, (int) value);
            default -> buf.putLong(at, value);
        }
    }

    /** An object whose section-name table also holds extra names, and where they are. */
    public record Renamable(byte[] bytes, Map<String, Integer> nameOffsets) {
    }

    /**
     * Copies the section-name table to the end of the object with {@code names} appended and
     * points {@code e_shstrndx}'s header at the copy, so that any section can be given one of
     * those names by setting its {@code sh_name}.
     */
    public static Renamable withExtraNames(byte[] object, List<String> names) throws ElfFormatException {
        return withExtraStrings(object, ElfFile.parse(object, "names").header().shstrndx(), names);
    }

    /** As {@link #withExtraNames}, for any string table: {@code .strtab} to rename symbols. */
    public static Renamable withExtraStrings(byte[] object, int tableIndex, List<String> names)
            throws ElfFormatException {
        ElfFile file = ElfFile.parse(object, "names");
        SectionHeader table = file.section(tableIndex);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(object);
        while (out.size() % 8 != 0) {
            out.write(0);
        }
        int start = out.size();
        out.writeBytes(file.contentBytes(table));
        Map<String, Integer> offsets = new LinkedHashMap<>();
        for (String name : names) {
            if (!offsets.containsKey(name)) {
                offsets.put(name, out.size() - start);
                out.writeBytes(name.getBytes(ISO_8859_1));
                out.write(0);
            }
        }
        byte[] bytes = out.toByteArray();
        new RawElf(file, bytes).set(table.index(), Field.OFFSET, start).set(table.index(), Field.SIZE,
                bytes.length - start);
        return new Renamable(bytes, offsets);
    }
}
