package org.klpconvert.elf;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.klpconvert.elf.io.InputFileException;
import org.klpconvert.elf.io.InputFiles;

/**
 * An ELF object read from a file or a byte array: an immutable view. Headers are checked
 * when the file is opened; symbol and relocation tables are decoded on first use and checked
 * then. Every problem raises {@link ElfFormatException} naming the file, the offset and what
 * is wrong; no size from the file is trusted before it was compared with the bytes present.
 *
 * <p>The bytes are either a heap array ({@link #read(Path)}, {@link #parse(byte[], String)})
 * or a read-only memory mapping of the file ({@link #map(Path)}), which lets a
 * gigabyte-sized debug {@code vmlinux} be inspected without copying it into the heap.
 */
public final class ElfFile {

    private static final int EI_NIDENT = 16;

    private final String source;
    private final int length;
    private final ByteBuffer data;
    private final ElfHeader header;
    private final List<SectionHeader> sections;
    private final ConcurrentHashMap<Integer, List<ElfSymbol>> symbolCache = new ConcurrentHashMap<>();

    private ElfFile(String source, ByteBuffer buffer) throws ElfFormatException {
        this.source = source;
        this.length = buffer.capacity();
        this.header = readHeader(buffer);
        this.data = buffer.asReadOnlyBuffer().order(header.byteOrder());
        this.sections = readSections();
    }

    /**
     * Reads a whole file; the path as given is used in error messages. Only a regular file of
     * at most {@link InputFiles#MAX_SIZE} bytes is read ({@link InputFileException} otherwise).
     *
     * @param path the file to read
     * @return the checked view of the file
     * @throws IOException if the file cannot be read ({@link InputFileException}) or is not a
     *                     well-formed ELF object ({@link ElfFormatException})
     */
    public static ElfFile read(Path path) throws IOException {
        return new ElfFile(path.toString(), ByteBuffer.wrap(InputFiles.readAll(path)));
    }

    /**
     * Maps a regular file read-only instead of reading it: the heap holds only the decoded
     * headers and whatever tables are asked for, whatever the file's size (up to
     * {@link InputFiles#MAX_SIZE} bytes; a larger file, or one that is not regular, is refused
     * with {@link InputFileException}). The file must not be truncated while the view is in
     * use: the JVM reports access to a mapped page that no longer exists as an
     * {@link InternalError}, which callers that cannot exclude that (files shared with other
     * writers) should catch around their use.
     *
     * @param path the file to map
     * @return the checked view of the mapped file
     * @throws IOException if the file cannot be mapped ({@link InputFileException}) or is not
     *                     a well-formed ELF object ({@link ElfFormatException})
     */
    public static ElfFile map(Path path) throws IOException {
        InputFiles.regularFileSize(path);
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
            long size = channel.size();
            if (size > InputFiles.MAX_SIZE) {
                throw new InputFileException(path.toString(), size + " bytes: grew while being opened", null);
            }
            return new ElfFile(path.toString(), channel.map(FileChannel.MapMode.READ_ONLY, 0, size));
        } catch (KlpException e) {
            throw e; // not an ELF object, or refused by InputFiles: already typed and named
        } catch (IOException e) {
            throw new InputFileException(path.toString(), InputFiles.reason(e), e);
        }
    }

    /**
     * Parses an object held in memory. The array is not copied and must not be changed while
     * the view is used.
     *
     * @param bytes the whole object
     * @param sourceName the name used in messages, usually the path as given
     * @return the checked view of the object
     * @throws ElfFormatException if the object is malformed
     */
    public static ElfFile parse(byte[] bytes, String sourceName) throws ElfFormatException {
        return new ElfFile(sourceName, ByteBuffer.wrap(bytes));
    }

    /** {@return name used for this object in messages (usually the path as given)} */
    public String source() {
        return source;
    }

    /** {@return the ELF header, extended numbering resolved} */
    public ElfHeader header() {
        return header;
    }

    /** {@return a copy of {@code e_ident}, the first 16 bytes} */
    public byte[] ident() {
        byte[] ident = new byte[EI_NIDENT];
        data.get(0, ident);
        return ident;
    }

    /** {@return length of the object in bytes} */
    public int length() {
        return length;
    }

    /** {@return the byte order of the object} */
    public ByteOrder byteOrder() {
        return header.byteOrder();
    }

    /** {@return whether the object is ELF64} */
    public boolean is64() {
        return header.is64();
    }

    /** {@return all section headers in index order, section 0 included} */
    public List<SectionHeader> sections() {
        return sections;
    }

    /**
     * {@return the section header at {@code index}}
     *
     * @param index the section index, below {@code header().shnum()}
     */
    public SectionHeader section(int index) {
        return sections.get(index);
    }

    /**
     * {@return the first section with that exact name}
     *
     * @param name the section name
     */
    public Optional<SectionHeader> section(String name) {
        for (SectionHeader s : sections) {
            if (s.name().equals(name)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    /**
     * {@return a read-only view of a section's bytes (empty for NOBITS and NULL sections)}
     *
     * @param s a section of this object
     */
    public ByteBuffer content(SectionHeader s) {
        if (!s.hasFileData()) {
            return ByteBuffer.allocate(0).asReadOnlyBuffer();
        }
        return data.slice((int) s.offset(), (int) s.size()).order(header.byteOrder());
    }

    /**
     * {@return a copy of a section's bytes}
     *
     * @param s a section of this object
     */
    public byte[] contentBytes(SectionHeader s) {
        if (!s.hasFileData()) {
            return new byte[0];
        }
        byte[] copy = new byte[(int) s.size()];
        data.get((int) s.offset(), copy);
        return copy;
    }

    /** {@return a copy of the whole file} */
    public byte[] toByteArray() {
        byte[] copy = new byte[length];
        data.get(0, copy);
        return copy;
    }

    /**
     * {@return a read-only view of {@code size} bytes at file offset {@code offset}, in the file's byte
     * order; {@code what} names the structure in the error raised when the range is not
     * inside the file}
     *
     * @param offset the file offset
     * @param size the number of bytes
     * @param what what the bytes are, for the message when they lie outside the file
     * @throws ElfFormatException if the object is malformed
     */
    public ByteBuffer bytes(long offset, long size, String what) throws ElfFormatException {
        if (offset < 0 || size < 0 || offset > length || size > length - offset) {
            throw error(offset, what + " at offset 0x" + Long.toHexString(offset) + " with size 0x"
                    + Long.toHexString(size) + " extends past end of file (" + length + " bytes)");
        }
        return data.slice((int) offset, (int) size).order(header.byteOrder());
    }

    /**
     * {@return the NUL-terminated string at {@code offset} of string table {@code table}, decoded
     * ISO-8859-1 so that names compare byte-wise}
     *
     * @param table a string table of this object
     * @param offset the string's offset in the table
     * @throws ElfFormatException if the object is malformed
     */
    public String string(SectionHeader table, long offset) throws ElfFormatException {
        if (table.type() != Elf.SHT_STRTAB) {
            throw error(table.offset(), "section [" + table.index() + "] '" + table.name()
                    + "' used as a string table is not SHT_STRTAB");
        }
        return stringAt(table, offset, "string");
    }

    /** {@return the symbol tables ({@code SHT_SYMTAB}) of the file, in index order} */
    public List<SectionHeader> symbolTables() {
        List<SectionHeader> result = new ArrayList<>();
        for (SectionHeader s : sections) {
            if (s.type() == Elf.SHT_SYMTAB) {
                result.add(s);
            }
        }
        return result;
    }

    /**
     * {@return the symbols of the first {@code SHT_SYMTAB}, or an empty list if there is none}
     *
     * @throws ElfFormatException if the object is malformed
     */
    public List<ElfSymbol> symbols() throws ElfFormatException {
        List<SectionHeader> tables = symbolTables();
        return tables.isEmpty() ? List.of() : symbols(tables.get(0));
    }

    /**
     * {@return the dynamic symbol table ({@code SHT_DYNSYM}) of an executable or shared object,
     * index 0 included, or an empty list if there is none} Their versions come from
     * {@link org.klpconvert.elf.version.SymbolVersions}.
     *
     * @throws ElfFormatException if the table is malformed
     */
    public List<ElfSymbol> dynamicSymbols() throws ElfFormatException {
        for (SectionHeader s : sections) {
            if (s.type() == Elf.SHT_DYNSYM) {
                return symbols(s);
            }
        }
        return List.of();
    }

    /**
     * {@return the symbols of one symbol table, index 0 included}
     *
     * @param table a symbol table of this object
     * @throws ElfFormatException if the object is malformed
     */
    public List<ElfSymbol> symbols(SectionHeader table) throws ElfFormatException {
        List<ElfSymbol> cached = symbolCache.get(table.index());
        if (cached == null) {
            cached = decodeSymbols(table);
            symbolCache.put(table.index(), cached);
        }
        return cached;
    }

    /**
     * {@return number of entries of a table section, after checking its {@code sh_entsize}}
     *
     * @param table a table section of this object
     * @param expectedEntsize the entry size the table's type requires
     * @throws ElfFormatException if the object is malformed
     */
    public int entryCount(SectionHeader table, int expectedEntsize) throws ElfFormatException {
        if (table.entsize() == 0) {
            throw error(table.offset(), "section " + table.name() + " has sh_entsize 0");
        }
        if (table.entsize() != expectedEntsize) {
            throw error(table.offset(), "section " + table.name() + " has sh_entsize " + table.entsize()
                    + ", expected " + expectedEntsize);
        }
        if (table.size() % expectedEntsize != 0) {
            throw error(table.offset(), "section " + table.name() + " has size " + table.size()
                    + ", not a multiple of its entry size " + expectedEntsize);
        }
        return (int) (table.size() / expectedEntsize);
    }

    /**
     * {@return the entries of a REL or RELA section, with symbol indices checked against its table}
     *
     * @param section a relocation section of this object
     * @throws ElfFormatException if the object is malformed
     */
    public List<ElfRelocation> relocations(SectionHeader section) throws ElfFormatException {
        List<ElfRelocation> view = relocationView(section);
        return Collections.unmodifiableList(java.util.Arrays.asList(view.toArray(new ElfRelocation[0])));
    }

    /**
     * The entries of a REL or RELA section as a list that decodes each entry when it is asked
     * for: symbol indices are checked against the linked table first, but nothing is kept, so
     * a section of millions of entries (a kernel's {@code .rela.text}) costs no heap.
     *
     * @param section a relocation section of this object
     * @return the entries, decoded on access
     * @throws ElfFormatException if the section or a symbol index is malformed
     */
    public List<ElfRelocation> relocationView(SectionHeader section) throws ElfFormatException {
        boolean rela = section.type() == Elf.SHT_RELA;
        if (!rela && section.type() != Elf.SHT_REL) {
            throw error(section.offset(), "section " + section.name() + " is not a relocation section");
        }
        int entsize = rela ? header.relaSize() : header.relSize();
        int count = entryCount(section, entsize);
        int symbolCount = symbols(linkedSymbolTable(section)).size();
        for (int i = 0; i < count; i++) {
            long sym = relocationSymbol((int) section.offset() + i * entsize);
            if (sym >= symbolCount) {
                throw error((int) section.offset() + i * entsize, "can't find rela entry symbol " + sym + " for "
                        + section.name());
            }
        }
        return new java.util.AbstractList<>() {
            @Override
            public ElfRelocation get(int i) {
                java.util.Objects.checkIndex(i, count);
                return decodeRelocation((int) section.offset() + i * entsize, rela);
            }

            @Override
            public int size() {
                return count;
            }
        };
    }

    private long relocationSymbol(int at) {
        return header.is64() ? data.getLong(at + 8) >>> 32 : u32(data, at + 4) >>> 8;
    }

    private ElfRelocation decodeRelocation(int at, boolean rela) {
        long offset;
        long info;
        long addend = 0;
        if (header.is64()) {
            offset = data.getLong(at);
            info = data.getLong(at + 8);
            if (rela) {
                addend = data.getLong(at + 16);
            }
        } else {
            offset = Integer.toUnsignedLong(data.getInt(at));
            info = Integer.toUnsignedLong(data.getInt(at + 4));
            if (rela) {
                addend = data.getInt(at + 8);
            }
        }
        long sym = header.is64() ? info >>> 32 : info >>> 8;
        int type = (int) (header.is64() ? info & 0xffffffffL : info & 0xff);
        return new ElfRelocation(offset, (int) sym, type, addend, rela);
    }

    /**
     * {@return the symbol table a relocation or group section refers to through {@code sh_link}}
     *
     * @param section a section of this object
     * @throws ElfFormatException if the object is malformed
     */
    public SectionHeader linkedSymbolTable(SectionHeader section) throws ElfFormatException {
        long link = section.link();
        if (link <= 0 || link >= sections.size()) {
            throw error(section.offset(), "section " + section.name() + " has sh_link " + link
                    + ", not a symbol table index (" + sections.size() + " sections)");
        }
        SectionHeader table = sections.get((int) link);
        if (table.type() != Elf.SHT_SYMTAB && table.type() != Elf.SHT_DYNSYM) {
            throw error(section.offset(), "section " + section.name() + " has sh_link " + link
                    + " to section " + table.name() + ", which is not a symbol table");
        }
        return table;
    }

    ElfFormatException error(long offset, String reason) {
        return new ElfFormatException(source, offset, reason);
    }

    // ---------------------------------------------------------------- header and sections

    private ElfHeader readHeader(ByteBuffer b) throws ElfFormatException {
        byte[] bytes = new byte[Math.min(length, EI_NIDENT)];
        b.get(0, bytes);
        if (length < 4 || bytes[0] != 0x7f || bytes[1] != 'E' || bytes[2] != 'L' || bytes[3] != 'F') {
            throw error(0, "not an ELF file (first 4 bytes are not 7f 45 4c 46)");
        }
        if (length < EI_NIDENT) {
            throw error(0, "file is truncated: " + length + " bytes, shorter than e_ident (16 bytes)");
        }
        int elfClass = bytes[4] & 0xff;
        if (elfClass != Elf.ELFCLASS32 && elfClass != Elf.ELFCLASS64) {
            throw error(4, "invalid elf class (EI_CLASS is " + elfClass + ", expected 1 or 2)");
        }
        int encoding = bytes[5] & 0xff;
        if (encoding != Elf.ELFDATA2LSB && encoding != Elf.ELFDATA2MSB) {
            throw error(5, "invalid data encoding (EI_DATA is " + encoding + ", expected 1 or 2)");
        }
        boolean is64 = elfClass == Elf.ELFCLASS64;
        int ehsize = is64 ? 64 : 52;
        if (length < ehsize) {
            throw error(0, "file is truncated: " + length + " bytes, shorter than the ELF header ("
                    + ehsize + " bytes)");
        }
        b.order(encoding == Elf.ELFDATA2MSB ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
        int type = u16(b, 16);
        int machine = u16(b, 18);
        long version = u32(b, 20);
        long entry = is64 ? b.getLong(24) : u32(b, 24);
        long phoff = is64 ? b.getLong(32) : u32(b, 28);
        long shoff = is64 ? b.getLong(40) : u32(b, 32);
        long flags = u32(b, is64 ? 48 : 36);
        int base = is64 ? 52 : 40;
        int realEhsize = u16(b, base);
        int phentsize = u16(b, base + 2);
        int phnum = u16(b, base + 4);
        int shentsize = u16(b, base + 6);
        int rawShnum = u16(b, base + 8);
        int rawShstrndx = u16(b, base + 10);
        int expectedShentsize = is64 ? 64 : 40;

        long shnum = rawShnum;
        long shstrndx = rawShstrndx;
        if (shoff != 0) {
            if (shentsize != expectedShentsize) {
                throw error(base + 6, "e_shentsize is " + shentsize + ", expected " + expectedShentsize);
            }
            if (shoff < 0 || shoff > length - expectedShentsize) {
                throw error(is64 ? 40 : 32, "section header table at offset 0x" + Long.toHexString(shoff)
                        + " lies past end of file (" + length + " bytes)");
            }
            // Extended numbering: the two escapes are independent (elf-notes.md section 9).
            if (rawShnum == 0) {
                shnum = is64 ? b.getLong((int) shoff + 32) : u32(b, (int) shoff + 20);
            }
            if (rawShstrndx == Elf.SHN_XINDEX) {
                shstrndx = u32(b, (int) shoff + (is64 ? 40 : 24));
            }
            long tableBytes = shnum * (long) expectedShentsize;
            if (shnum < 0 || shnum > length || shoff + tableBytes > length) {
                throw error(is64 ? 40 : 32, "section header table at offset 0x" + Long.toHexString(shoff)
                        + " (" + shnum + " entries) extends past end of file (" + length + " bytes)");
            }
        } else {
            shnum = 0;
        }
        if (shstrndx != 0 && shstrndx >= shnum) {
            throw error(base + 10, "e_shstrndx " + shstrndx + " is not a section index (" + shnum + " sections)");
        }
        return new ElfHeader(elfClass, encoding, bytes[6] & 0xff, bytes[7] & 0xff, bytes[8] & 0xff, type,
                machine, version, entry, phoff, shoff, flags, realEhsize, phentsize, phnum, shentsize, rawShnum,
                rawShstrndx, (int) shnum, (int) shstrndx);
    }

    private List<SectionHeader> readSections() throws ElfFormatException {
        int n = header.shnum();
        boolean is64 = header.is64();
        int entsize = is64 ? 64 : 40;
        long[][] raw = new long[n][];
        for (int i = 0; i < n; i++) {
            int at = (int) header.shoff() + i * entsize;
            long[] f = new long[10];
            f[0] = u32(data, at);
            f[1] = u32(data, at + 4);
            if (is64) {
                f[2] = data.getLong(at + 8);
                f[3] = data.getLong(at + 16);
                f[4] = data.getLong(at + 24);
                f[5] = data.getLong(at + 32);
                f[6] = u32(data, at + 40);
                f[7] = u32(data, at + 44);
                f[8] = data.getLong(at + 48);
                f[9] = data.getLong(at + 56);
            } else {
                for (int k = 2; k < 10; k++) {
                    f[k] = u32(data, at + 4 * k);
                }
            }
            // Section 0 included: its type should be SHT_NULL, but if it claims data, that data
            // must be inside the file like any other section's.
            if (f[1] != Elf.SHT_NOBITS && f[1] != Elf.SHT_NULL) {
                long off = f[4];
                long size = f[5];
                if (off < 0 || size < 0 || off > length || size > length - off) {
                    throw error(at, "section [" + i + "] at offset 0x" + Long.toHexString(off) + " with size 0x"
                            + Long.toHexString(size) + " extends past end of file (" + length + " bytes)");
                }
            }
            raw[i] = f;
        }
        SectionHeader names = null;
        if (n > 0 && header.shstrndx() != 0) {
            long[] f = raw[header.shstrndx()];
            names = new SectionHeader(header.shstrndx(), "", f[0], (int) f[1], f[2], f[3], f[4], f[5], f[6], f[7],
                    f[8], f[9]);
            if (names.type() != Elf.SHT_STRTAB) {
                throw error(header.shoff() + (long) header.shstrndx() * entsize,
                        "section name table [" + header.shstrndx() + "] is not SHT_STRTAB");
            }
        }
        List<SectionHeader> list = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            long[] f = raw[i];
            boolean unnamed = names == null || i == 0 && f[0] == 0;
            String name = unnamed ? "" : stringAt(names, f[0], "section name of [" + i + "]");
            list.add(new SectionHeader(i, name, f[0], (int) f[1], f[2], f[3], f[4], f[5], f[6], f[7], f[8], f[9]));
        }
        return Collections.unmodifiableList(list);
    }

    // ---------------------------------------------------------------- symbols

    private List<ElfSymbol> decodeSymbols(SectionHeader table) throws ElfFormatException {
        if (table.type() != Elf.SHT_SYMTAB && table.type() != Elf.SHT_DYNSYM) {
            throw error(table.offset(), "section " + table.name() + " is not a symbol table");
        }
        int entsize = header.symbolSize();
        int count = entryCount(table, entsize);
        long link = table.link();
        if (link <= 0 || link >= sections.size() || sections.get((int) link).type() != Elf.SHT_STRTAB) {
            throw error(table.offset(), "symbol table " + table.name() + " has sh_link " + link
                    + ", which is not a string table");
        }
        SectionHeader strings = sections.get((int) link);
        ByteBuffer extended = extendedIndexTable(table, count);
        boolean is64 = header.is64();
        ElfSymbol[] result = new ElfSymbol[count];
        for (int i = 0; i < count; i++) {
            int at = (int) table.offset() + i * entsize;
            long nameOffset = u32(data, at);
            int info;
            int other;
            int shndx;
            long value;
            long size;
            if (is64) {
                info = data.get(at + 4) & 0xff;
                other = data.get(at + 5) & 0xff;
                shndx = u16(data, at + 6);
                value = data.getLong(at + 8);
                size = data.getLong(at + 16);
            } else {
                value = u32(data, at + 4);
                size = u32(data, at + 8);
                info = data.get(at + 12) & 0xff;
                other = data.get(at + 13) & 0xff;
                shndx = u16(data, at + 14);
            }
            int section = 0;
            if (shndx == Elf.SHN_XINDEX && extended == null) {
                throw error(at, "symbol " + i + " has st_shndx SHN_XINDEX, but no SHT_SYMTAB_SHNDX section extends "
                        + table.name());
            }
            if (shndx == Elf.SHN_XINDEX) {
                long real = u32(extended, i * 4);
                if (real >= sections.size()) {
                    throw error(at, "couldn't find section for symbol " + i + ": extended index " + real
                            + " is not a section (" + sections.size() + " sections)");
                }
                section = (int) real;
            } else if (shndx > 0 && shndx < Elf.SHN_LORESERVE) {
                if (shndx >= sections.size()) {
                    throw error(at, "couldn't find section for symbol " + i + ": st_shndx " + shndx
                            + " is not a section (" + sections.size() + " sections)");
                }
                section = shndx;
            }
            String name = nameOffset == 0 ? "" : stringAt(strings, nameOffset, "name of symbol " + i);
            result[i] = new ElfSymbol(i, name, nameOffset, info, other, shndx, section, value, size);
        }
        return Collections.unmodifiableList(java.util.Arrays.asList(result));
    }

    /** The SHT_SYMTAB_SHNDX section that extends {@code table}, checked, or null. */
    private ByteBuffer extendedIndexTable(SectionHeader table, int count) throws ElfFormatException {
        for (SectionHeader s : sections) {
            if (s.type() == Elf.SHT_SYMTAB_SHNDX && s.link() == table.index()) {
                if (s.size() < count * 4L) {
                    throw error(s.offset(), "section " + s.name() + " has " + s.size() / 4 + " entries, but "
                            + table.name() + " has " + count + " symbols");
                }
                return data.slice((int) s.offset(), (int) s.size()).order(header.byteOrder());
            }
        }
        return null;
    }

    // ---------------------------------------------------------------- helpers

    private String stringAt(SectionHeader table, long offset, String what) throws ElfFormatException {
        if (offset < 0 || offset >= table.size()) {
            throw error(table.offset(), what + ": string offset " + offset + " is past the end of "
                    + (table.name().isEmpty() ? "section [" + table.index() + "]" : table.name()) + " (size "
                    + table.size() + ")");
        }
        int start = (int) (table.offset() + offset);
        int end = (int) (table.offset() + table.size());
        int i = start;
        while (i < end && data.get(i) != 0) {
            i++;
        }
        if (i == end) {
            throw error(start, what + ": string at offset " + offset + " of "
                    + (table.name().isEmpty() ? "section [" + table.index() + "]" : table.name())
                    + " is not NUL-terminated");
        }
        byte[] name = new byte[i - start];
        data.get(start, name);
        return new String(name, StandardCharsets.ISO_8859_1);
    }

    private static int u16(ByteBuffer b, int at) {
        return b.getShort(at) & 0xffff;
    }

    private static long u32(ByteBuffer b, int at) {
        return b.getInt(at) & 0xffffffffL;
    }
}
