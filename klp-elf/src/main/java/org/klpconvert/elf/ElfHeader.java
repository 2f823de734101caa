package org.klpconvert.elf;

import java.nio.ByteOrder;

/**
 * The ELF file header as stored, with the extended-numbering escapes already resolved:
 * {@link #shnum()} and {@link #shstrndx()} are the real values, {@link #rawShnum()} and
 * {@link #rawShstrndx()} the 16-bit fields.
 */
public record ElfHeader(int elfClass, int dataEncoding, int identVersion, int osAbi, int abiVersion,
        int type, int machine, long version, long entry, long phoff, long shoff, long flags,
        int ehsize, int phentsize, int phnum, int shentsize, int rawShnum, int rawShstrndx,
        int shnum, int shstrndx) {

    /** {@return whether the object is ELF64} */
    public boolean is64() {
        return elfClass == Elf.ELFCLASS64;
    }

    /** {@return the byte order from {@code e_ident}} */
    public ByteOrder byteOrder() {
        return dataEncoding == Elf.ELFDATA2MSB ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
    }

    /** {@return size of one symbol table entry in this class} */
    public int symbolSize() {
        return is64() ? 24 : 16;
    }

    /** {@return size of one RELA entry in this class} */
    public int relaSize() {
        return is64() ? 24 : 12;
    }

    /** {@return size of one REL entry in this class} */
    public int relSize() {
        return is64() ? 16 : 8;
    }
}
