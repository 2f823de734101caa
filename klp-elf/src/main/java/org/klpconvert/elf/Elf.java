package org.klpconvert.elf;

/**
 * ELF constants used across the project (gABI, glibc {@code elf.h}, Linux
 * {@code include/uapi/linux/elf.h}).
 */
public final class Elf {
    private Elf() {
    }

    /** {@code e_ident[EI_CLASS]}: 32-bit objects. */
    public static final int ELFCLASS32 = 1;
    /** {@code e_ident[EI_CLASS]}: 64-bit objects. */
    public static final int ELFCLASS64 = 2;
    /** {@code e_ident[EI_DATA]}: little-endian. */
    public static final int ELFDATA2LSB = 1;
    /** {@code e_ident[EI_DATA]}: big-endian. */
    public static final int ELFDATA2MSB = 2;

    /** {@code e_type}: a relocatable object, such as a kernel module. */
    public static final int ET_REL = 1;

    /** Section type: the unused entry 0. */
    public static final int SHT_NULL = 0;
    /** Section type: data defined by the program. */
    public static final int SHT_PROGBITS = 1;
    /** Section type: the symbol table. */
    public static final int SHT_SYMTAB = 2;
    /** Section type: a string table. */
    public static final int SHT_STRTAB = 3;
    /** Section type: relocations with explicit addends. */
    public static final int SHT_RELA = 4;
    /** Section type: a symbol hash table. */
    public static final int SHT_HASH = 5;
    /** Section type: dynamic linking information. */
    public static final int SHT_DYNAMIC = 6;
    /** Section type: notes. */
    public static final int SHT_NOTE = 7;
    /** Section type: occupies no file space ({@code .bss}). */
    public static final int SHT_NOBITS = 8;
    /** Section type: relocations without addends. */
    public static final int SHT_REL = 9;
    /** Section type: the dynamic symbol table. */
    public static final int SHT_DYNSYM = 11;
    /** Section type: a section group (COMDAT). */
    public static final int SHT_GROUP = 17;
    /** Section type: extended section indices of a symbol table. */
    public static final int SHT_SYMTAB_SHNDX = 18;

    /** Section flag: writable at run time. */
    public static final long SHF_WRITE = 0x1;
    /** Section flag: occupies memory when loaded. */
    public static final long SHF_ALLOC = 0x2;
    /** Section flag: executable instructions. */
    public static final long SHF_EXECINSTR = 0x4;
    /** Section flag: {@code sh_info} holds a section index. */
    public static final long SHF_INFO_LINK = 0x40;
    /** Section flag: ordered after the section {@code sh_link} names. */
    public static final long SHF_LINK_ORDER = 0x80;
    /** Section flag: member of a section group. */
    public static final long SHF_GROUP = 0x200;
    /** Linux: the section holds livepatch relocations, resolved by the livepatch core. */
    public static final long SHF_RELA_LIVEPATCH = 0x00100000;

    /** Section index of an undefined symbol. */
    public static final int SHN_UNDEF = 0;
    /** First reserved section index. */
    public static final int SHN_LORESERVE = 0xff00;
    /** Linux: the symbol is resolved by the livepatch core (equals SHN_LOOS). */
    public static final int SHN_LIVEPATCH = 0xff20;
    /** Section index of an absolute symbol. */
    public static final int SHN_ABS = 0xfff1;
    /** Section index of a common symbol. */
    public static final int SHN_COMMON = 0xfff2;
    /** Section index escape: the real index is in {@code SHT_SYMTAB_SHNDX}. */
    public static final int SHN_XINDEX = 0xffff;

    /** Symbol binding: local. */
    public static final int STB_LOCAL = 0;
    /** Symbol binding: global. */
    public static final int STB_GLOBAL = 1;
    /** Symbol binding: weak. */
    public static final int STB_WEAK = 2;

    /** Symbol type: unspecified. */
    public static final int STT_NOTYPE = 0;
    /** Symbol type: a data object. */
    public static final int STT_OBJECT = 1;
    /** Symbol type: a function. */
    public static final int STT_FUNC = 2;
    /** Symbol type: a section. */
    public static final int STT_SECTION = 3;
    /** Symbol type: the source file name. */
    public static final int STT_FILE = 4;

    /** {@code e_machine}: 32-bit PowerPC. */
    public static final int EM_PPC = 20;
    /** {@code e_machine}: 64-bit PowerPC (ppc64, ppc64le). */
    public static final int EM_PPC64 = 21;
    /** {@code e_machine}: IBM S/390 and z/Architecture (s390x). */
    public static final int EM_S390 = 22;
    /** {@code e_machine}: x86_64. */
    public static final int EM_X86_64 = 62;
    /** {@code e_machine}: arm64. */
    public static final int EM_AARCH64 = 183;
}
