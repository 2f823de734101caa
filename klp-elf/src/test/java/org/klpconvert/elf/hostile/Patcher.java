package org.klpconvert.elf.hostile;

import java.nio.ByteBuffer;

import org.klpconvert.elf.ElfFile;
import org.klpconvert.elf.ElfFormatException;
import org.klpconvert.elf.ElfHeader;
import org.klpconvert.elf.SectionHeader;

/**
 * Writes single fields of a copy of a well-formed object, by field name and in the object's
 * class and byte order, to build broken inputs.
 */
final class Patcher {
    private final byte[] bytes;
    private final ElfFile file;
    private final ByteBuffer buf;
    private final boolean is64;

    Patcher(byte[] original) throws ElfFormatException {
        this.bytes = original.clone();
        this.file = ElfFile.parse(original, "original");
        this.buf = ByteBuffer.wrap(bytes).order(file.byteOrder());
        this.is64 = file.is64();
    }

    byte[] bytes() {
        return bytes;
    }

    ElfFile original() {
        return file;
    }

    SectionHeader section(String name) {
        return file.section(name).orElseThrow();
    }

    /** An ELF header field: e_shoff, e_shentsize, e_shnum or e_shstrndx. */
    Patcher header(String field, long value) {
        ElfHeader h = file.header();
        int base = is64 ? 52 : 40;
        switch (field) {
            case "e_shoff" -> word(is64 ? 40 : 32, value);
            case "e_shentsize" -> buf.putShort(base + 6, (short) value);
            case "e_shnum" -> buf.putShort(base + 8, (short) value);
            case "e_shstrndx" -> buf.putShort(base + 10, (short) value);
            default -> throw new IllegalArgumentException(field + " of " + h);
        }
        return this;
    }

    /** A section header field by its gABI name. */
    Patcher section(int index, String field, long value) {
        int at = (int) file.header().shoff() + index * (is64 ? 64 : 40);
        switch (field) {
            case "sh_name" -> buf.putInt(at, (int) value);
            case "sh_type" -> buf.putInt(at + 4, (int) value);
            case "sh_offset" -> word(at + (is64 ? 24 : 16), value);
            case "sh_size" -> word(at + (is64 ? 32 : 20), value);
            case "sh_link" -> buf.putInt(at + (is64 ? 40 : 24), (int) value);
            case "sh_info" -> buf.putInt(at + (is64 ? 44 : 28), (int) value);
            case "sh_addralign" -> word(at + (is64 ? 48 : 32), value);
            case "sh_entsize" -> word(at + (is64 ? 56 : 36), value);
            default -> throw new IllegalArgumentException(field);
        }
        return this;
    }

    Patcher section(String name, String field, long value) {
        return section(section(name).index(), field, value);
    }

    /** A symbol field of {@code .symtab}: st_name or st_shndx. */
    Patcher symbol(int index, String field, long value) {
        int at = (int) section(".symtab").offset() + index * (is64 ? 24 : 16);
        switch (field) {
            case "st_name" -> buf.putInt(at, (int) value);
            case "st_shndx" -> buf.putShort(at + (is64 ? 6 : 14), (short) value);
            default -> throw new IllegalArgumentException(field);
        }
        return this;
    }

    /** The symbol index of relocation {@code entry} of a RELA section. */
    Patcher relocationSymbol(String section, int entry, long symbol) {
        SectionHeader s = section(section);
        int at = (int) s.offset() + entry * (is64 ? 24 : 12);
        if (is64) {
            long info = buf.getLong(at + 8);
            buf.putLong(at + 8, symbol << 32 | (info & 0xffffffffL));
        } else {
            int info = buf.getInt(at + 4);
            buf.putInt(at + 4, (int) (symbol << 8 | (info & 0xff)));
        }
        return this;
    }

    Patcher put(long at, byte value) {
        bytes[(int) at] = value;
        return this;
    }

    private void word(int at, long value) {
        if (is64) {
            buf.putLong(at, value);
        } else {
            buf.putInt(at, (int) value);
        }
    }
}
