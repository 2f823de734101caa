package org.klpconvert.elf.edit;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.klpconvert.elf.Elf;
import org.klpconvert.elf.ElfFormatException;
import org.klpconvert.elf.ElfHeader;
import org.klpconvert.elf.SectionHeader;

/**
 * Serialises an {@link ElfEditor} in two phases: first every index, size and offset is
 * reserved, then the bytes are produced in file order. The {@link LayoutPolicy#LIBELF} layout
 * places everything in increasing offsets without overlap, so it is streamed: besides the
 * model, only the encoded tables and the two headers are held, never the whole object. The
 * {@link LayoutPolicy#PRESERVE} layout paints the changes over a copy of the input, so it is
 * built in one array of the final size.
 */
final class ElfWriter {
    private static final AtomicLong GENERATIONS = new AtomicLong();
    /**
     * Largest section alignment the writer honours (16 MiB); also the padding the libelf
     * layout may add beyond the input's size.
     */
    static final long MAX_ALIGNMENT = 1L << 24;
    /** Zeros for the padding between sections; an alignment gap is at most {@link #MAX_ALIGNMENT}. */
    private static final byte[] ZEROS = new byte[1 << 16];
    /**
     * Largest piece handed to the stream at once: a channel-backed stream copies a heap array
     * it is given whole into a temporary direct buffer of the same size.
     */
    private static final int CHUNK = 1 << 20;

    private final ElfEditor editor;
    private final LayoutPolicy policy;
    private final ObjectShape shape;
    private final long generation = GENERATIONS.incrementAndGet();

    private List<Section> sections;
    private byte[][] contents;
    private long[] offsets;
    private long shoff;
    private long total;
    private byte[] elfHeader;
    private byte[] sectionHeaderTable;

    ElfWriter(ElfEditor editor, LayoutPolicy policy) throws ElfFormatException {
        this.editor = editor;
        this.policy = policy;
        this.shape = editor.shape();
        sections = editor.sections();
        assignIndices();
        encodeContents();
        layout();
        if (total > Integer.MAX_VALUE - 16) {
            throw fail("output would be " + total + " bytes, too large");
        }
        if (policy == LayoutPolicy.LIBELF) {
            // Encoded now, so that every error is raised before the first byte is streamed.
            elfHeader = new byte[shape.elfHeaderSize()];
            writeElfHeader(ByteBuffer.wrap(elfHeader).order(shape.order()));
            sectionHeaderTable = new byte[sections.size() * shape.sectionHeaderSize()];
            ByteBuffer table = ByteBuffer.wrap(sectionHeaderTable).order(shape.order());
            for (int i = 0; i < sections.size(); i++) {
                writeSectionHeader(table, 0, i);
            }
        }
    }

    /** {@return the object's bytes} */
    byte[] toArray() throws ElfFormatException {
        if (policy == LayoutPolicy.PRESERVE) {
            return paint();
        }
        ArraySink sink = new ArraySink((int) total);
        try {
            stream(sink);
        } catch (ElfFormatException e) {
            throw e;
        } catch (IOException e) {
            throw new IllegalStateException("an array cannot fail to take bytes", e);
        }
        return sink.bytes;
    }

    /**
     * Writes the object's bytes to {@code out}.
     *
     * @param out where the bytes go, in file order
     */
    void writeTo(OutputStream out) throws IOException {
        if (policy == LayoutPolicy.PRESERVE) {
            byte[] bytes = paint();
            for (int at = 0; at < bytes.length; at += CHUNK) {
                out.write(bytes, at, Math.min(CHUNK, bytes.length - at));
            }
        } else {
            stream(out);
        }
    }

    /** The {@link LayoutPolicy#PRESERVE} object: the input, then every change painted over it. */
    private byte[] paint() throws ElfFormatException {
        byte[] out = new byte[(int) total];
        ByteBuffer buf = ByteBuffer.wrap(out).order(shape.order());
        byte[] original = editor.source().toByteArray();
        System.arraycopy(original, 0, out, 0, original.length);
        clearShrunkTails(out);
        for (int i = 1; i < sections.size(); i++) {
            if (contents[i] != null) {
                System.arraycopy(contents[i], 0, out, (int) offsets[i], contents[i].length);
            }
        }
        writeElfHeader(buf);
        for (int i = 0; i < sections.size(); i++) {
            writeSectionHeader(buf, shoff, i);
        }
        return out;
    }

    /** The {@link LayoutPolicy#LIBELF} object in file order: header, sections, section header table. */
    private void stream(OutputStream out) throws IOException {
        out.write(elfHeader);
        long pos = elfHeader.length;
        for (int i = 1; i < sections.size(); i++) {
            pos = pad(out, pos, offsets[i]);
            if (contents[i] != null) {
                for (int at = 0; at < contents[i].length; at += CHUNK) {
                    out.write(contents[i], at, Math.min(CHUNK, contents[i].length - at));
                }
                pos += contents[i].length;
            }
        }
        pad(out, pos, shoff);
        out.write(sectionHeaderTable);
    }

    /** Writes zeros from {@code pos} up to {@code to}; {@return {@code to}} */
    private static long pad(OutputStream out, long pos, long to) throws IOException {
        for (long left = to - pos; left > 0; left -= ZEROS.length) {
            out.write(ZEROS, 0, (int) Math.min(left, ZEROS.length));
        }
        return to;
    }

    /** An exact-size array taking the streamed bytes. */
    private static final class ArraySink extends OutputStream {
        private final byte[] bytes;
        private int size;

        ArraySink(int capacity) {
            bytes = new byte[capacity];
        }

        @Override
        public void write(int b) {
            bytes[size++] = (byte) b;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            System.arraycopy(b, off, bytes, size, len);
            size += len;
        }
    }

    // ------------------------------------------------------------ phase 1: reserve

    private void assignIndices() {
        for (int i = 0; i < sections.size(); i++) {
            Section s = sections.get(i);
            s.writeIndex = i;
            s.writeGeneration = generation;
            if (s.content() instanceof SymbolTable table) {
                List<Symbol> symbols = table.symbols();
                for (int k = 0; k < symbols.size(); k++) {
                    symbols.get(k).writeIndex = k;
                    symbols.get(k).writeGeneration = generation;
                }
            }
        }
    }

    private int indexOf(Section s, Section user, String field) throws ElfFormatException {
        if (s.writeGeneration != generation) {
            throw fail("section " + user.name() + ": " + field + " refers to removed section " + s.name());
        }
        return s.writeIndex;
    }

    private int indexOf(Symbol s, Section user) throws ElfFormatException {
        if (s.writeGeneration != generation) {
            throw fail("section " + user.name() + " refers to removed symbol " + s.displayName());
        }
        return s.writeIndex;
    }

    private void encodeContents() throws ElfFormatException {
        contents = new byte[sections.size()][];
        for (int i = 1; i < sections.size(); i++) {
            Section s = sections.get(i);
            SectionContent c = s.content();
            if (c instanceof NoBits) {
                contents[i] = null;
            } else if (c instanceof RawContent raw) {
                contents[i] = raw.bytes();
            } else if (c instanceof StringTable strings) {
                contents[i] = strings.toByteArray();
            } else if (c instanceof SymbolTable table) {
                contents[i] = encodeSymbols(s, table);
            } else if (c instanceof RelocationTable table) {
                contents[i] = encodeRelocations(s, table);
            } else if (c instanceof GroupContent group) {
                contents[i] = encodeGroup(s, group);
            } else if (c instanceof ExtendedIndexTable table) {
                contents[i] = encodeExtendedIndices(s, table);
            }
        }
    }

    private byte[] encodeSymbols(Section s, SymbolTable table) throws ElfFormatException {
        List<Symbol> symbols = table.symbols();
        int size = shape.symbolSize();
        byte[] out = new byte[symbols.size() * size];
        ByteBuffer b = ByteBuffer.wrap(out).order(shape.order());
        for (int i = 0; i < symbols.size(); i++) {
            Symbol sym = symbols.get(i);
            int shndx = sym.section() == null ? sym.specialIndex() : indexOf(sym.section(), s, "a symbol");
            if (shndx >= Elf.SHN_LORESERVE && sym.section() != null) {
                shndx = Elf.SHN_XINDEX;
            }
            int at = i * size;
            b.putInt(at, sym.nameOffset());
            if (shape.is64()) {
                b.put(at + 4, (byte) sym.info());
                b.put(at + 5, (byte) sym.other());
                b.putShort(at + 6, (short) shndx);
                b.putLong(at + 8, sym.value());
                b.putLong(at + 16, sym.size());
            } else {
                b.putInt(at + 4, (int) sym.value());
                b.putInt(at + 8, (int) sym.size());
                b.put(at + 12, (byte) sym.info());
                b.put(at + 13, (byte) sym.other());
                b.putShort(at + 14, (short) shndx);
            }
        }
        return out;
    }

    private byte[] encodeExtendedIndices(Section s, ExtendedIndexTable table) throws ElfFormatException {
        List<Symbol> list = table.symbols().symbols();
        byte[] out = new byte[list.size() * 4];
        ByteBuffer b = ByteBuffer.wrap(out).order(shape.order());
        for (int i = 0; i < list.size(); i++) {
            Symbol sym = list.get(i);
            if (sym.section() != null) {
                int index = indexOf(sym.section(), s, "an extended index");
                if (index >= Elf.SHN_LORESERVE) {
                    b.putInt(i * 4, index);
                }
            }
        }
        return out;
    }

    private byte[] encodeRelocations(Section s, RelocationTable table) throws ElfFormatException {
        boolean rela = table.isRela();
        int size = rela ? shape.relaSize() : shape.relSize();
        List<Relocation> entries = table.entries();
        byte[] out = new byte[entries.size() * size];
        ByteBuffer b = ByteBuffer.wrap(out).order(shape.order());
        for (int i = 0; i < entries.size(); i++) {
            Relocation r = entries.get(i);
            long sym = r.symbol() == null ? 0 : indexOf(r.symbol(), s);
            int at = i * size;
            if (shape.is64()) {
                b.putLong(at, r.offset());
                b.putLong(at + 8, (sym << 32) | (r.type() & 0xffffffffL));
                if (rela) {
                    b.putLong(at + 16, r.addend());
                }
            } else {
                b.putInt(at, (int) r.offset());
                b.putInt(at + 4, (int) ((sym << 8) | (r.type() & 0xff)));
                if (rela) {
                    b.putInt(at + 8, (int) r.addend());
                }
            }
        }
        return out;
    }

    private byte[] encodeGroup(Section s, GroupContent group) throws ElfFormatException {
        List<Section> members = group.members();
        byte[] out = new byte[4 * (members.size() + 1)];
        ByteBuffer b = ByteBuffer.wrap(out).order(shape.order());
        b.putInt(0, group.flags());
        for (int i = 0; i < members.size(); i++) {
            b.putInt(4 * (i + 1), indexOf(members.get(i), s, "a group member"));
        }
        return out;
    }

    private void layout() throws ElfFormatException {
        int n = sections.size();
        offsets = new long[n];
        if (policy == LayoutPolicy.LIBELF) {
            long pos = shape.elfHeaderSize();
            long padding = 0;
            for (int i = 1; i < n; i++) {
                long aligned = roundUp(pos, alignment(sections.get(i)));
                padding += aligned - pos;
                if (padding > MAX_ALIGNMENT + editor.source().length()) {
                    throw failAt(sections.get(i), "alignments would need " + padding + " bytes of padding");
                }
                pos = aligned;
                offsets[i] = pos;
                if (contents[i] != null) {
                    pos += contents[i].length;
                }
            }
            shoff = roundUp(pos, shape.wordAlignment());
            total = shoff + (long) n * shape.sectionHeaderSize();
            return;
        }
        ElfHeader h = editor.header();
        long end = editor.source().length();
        for (int i = 1; i < n; i++) {
            Section s = sections.get(i);
            SectionHeader o = s.original();
            if (o != null && contents[i] == null && o.type() == Elf.SHT_NOBITS) {
                offsets[i] = o.offset();
            } else if (o != null && contents[i] != null && o.hasFileData() && contents[i].length <= o.size()) {
                offsets[i] = o.offset();
            } else {
                offsets[i] = roundUp(end, alignment(s));
                if (contents[i] != null) {
                    end = offsets[i] + contents[i].length;
                }
            }
        }
        if (h.shoff() != 0 && n <= h.shnum()) {
            shoff = h.shoff();
        } else {
            shoff = roundUp(end, shape.wordAlignment());
            end = shoff + (long) n * shape.sectionHeaderSize();
        }
        total = Math.max(end, editor.source().length());
    }

    /** Zeroes the stale bytes a section leaves behind when it shrank in place. */
    private void clearShrunkTails(byte[] out) {
        for (int i = 1; i < sections.size(); i++) {
            SectionHeader o = sections.get(i).original();
            if (o != null && contents[i] != null && o.hasFileData() && offsets[i] == o.offset()
                    && contents[i].length < o.size()) {
                java.util.Arrays.fill(out, (int) (o.offset() + contents[i].length), (int) (o.offset() + o.size()),
                        (byte) 0);
            }
        }
    }

    // ------------------------------------------------------------ phase 2: headers

    private void writeElfHeader(ByteBuffer b) throws ElfFormatException {
        ElfHeader h = editor.header();
        int n = sections.size();
        int shstrndx = sectionNamesIndex();
        boolean is64 = shape.is64();
        if (policy == LayoutPolicy.LIBELF) {
            for (int i = 0; i < 16; i++) {
                b.put(i, (byte) 0);
            }
            b.put(0, (byte) 0x7f).put(1, (byte) 'E').put(2, (byte) 'L').put(3, (byte) 'F');
            b.put(4, (byte) h.elfClass()).put(5, (byte) h.dataEncoding()).put(6, (byte) 1);
            b.putShort(16, (short) h.type());
            b.putShort(18, (short) h.machine());
            b.putInt(20, 1);
            if (is64) {
                b.putLong(24, 0).putLong(32, 0);
            } else {
                b.putInt(24, 0).putInt(28, 0);
            }
            int base = is64 ? 52 : 40;
            b.putShort(base, (short) shape.elfHeaderSize());
            b.putShort(base + 2, (short) 0);
            b.putShort(base + 4, (short) 0);
        }
        if (is64) {
            b.putLong(40, shoff);
        } else {
            b.putInt(32, (int) shoff);
        }
        b.putInt(is64 ? 48 : 36, (int) editor.flags());
        int base = is64 ? 52 : 40;
        b.putShort(base + 6, (short) shape.sectionHeaderSize());
        b.putShort(base + 8, (short) (n >= Elf.SHN_LORESERVE ? 0 : n));
        b.putShort(base + 10, (short) (shstrndx >= Elf.SHN_LORESERVE ? Elf.SHN_XINDEX : shstrndx));
    }

    /** Writes section header {@code i} into {@code b}, where the table starts at {@code tableAt}. */
    private void writeSectionHeader(ByteBuffer b, long tableAt, int i) throws ElfFormatException {
        int at = (int) (tableAt + (long) i * shape.sectionHeaderSize());
        Section s = sections.get(i);
        long nameOffset;
        long type;
        long flags;
        long addr;
        long size;
        long link;
        long info;
        long align;
        long entsize;
        if (i == 0) {
            SectionHeader o = s.original();
            boolean keep = policy == LayoutPolicy.PRESERVE && o != null;
            int n = sections.size();
            int shstrndx = sectionNamesIndex();
            nameOffset = keep ? o.nameOffset() : 0;
            type = keep ? o.type() : 0;
            flags = keep ? o.flags() : 0;
            addr = keep ? o.addr() : 0;
            size = n >= Elf.SHN_LORESERVE ? n : keep && editor.header().rawShnum() != 0 ? o.size() : 0;
            link = shstrndx >= Elf.SHN_LORESERVE ? shstrndx
                    : keep && editor.header().rawShstrndx() != Elf.SHN_XINDEX ? o.link() : 0;
            info = keep ? o.info() : 0;
            align = keep ? o.addralign() : 0;
            entsize = keep ? o.entsize() : 0;
            putHeader(b, at, nameOffset, type, flags, addr, keep ? o.offset() : 0, size, link, info, align, entsize);
            return;
        }
        nameOffset = s.nameOffset();
        type = s.type();
        flags = s.flags();
        addr = s.addr();
        size = contents[i] == null ? s.content().size(shape) : contents[i].length;
        link = s.link() != null ? indexOf(s.link(), s, "sh_link") : s.rawLink();
        if (s.content() instanceof SymbolTable table) {
            info = table.localCount();
        } else if (s.infoSection() != null) {
            info = indexOf(s.infoSection(), s, "sh_info");
        } else if (s.infoSymbol() != null) {
            info = indexOf(s.infoSymbol(), s);
        } else {
            info = s.rawInfo();
        }
        align = s.addralign();
        entsize = s.entsize();
        if (policy == LayoutPolicy.LIBELF) {
            align = Math.max(align, 1);
            entsize = normalisedEntsize(s.type(), entsize);
        }
        putHeader(b, at, nameOffset, type, flags, addr, offsets[i], size, link, info, align, entsize);
    }

    /** {@code e_shstrndx}: the section-name table's index, which must not have been removed. */
    private int sectionNamesIndex() throws ElfFormatException {
        Section names = editor.sectionNames();
        if (names == null) {
            return 0;
        }
        if (names.writeGeneration != generation) {
            throw fail("the section-name table " + names.name() + " was removed");
        }
        return names.writeIndex;
    }

    /** libelf replaces the entry size of the table types it knows (klp-convert.md 6.5). */
    private long normalisedEntsize(int type, long entsize) {
        return switch (type) {
            case Elf.SHT_SYMTAB, Elf.SHT_DYNSYM -> shape.symbolSize();
            case Elf.SHT_RELA -> shape.relaSize();
            case Elf.SHT_REL -> shape.relSize();
            case Elf.SHT_GROUP, Elf.SHT_SYMTAB_SHNDX -> 4;
            default -> entsize;
        };
    }

    private void putHeader(ByteBuffer b, int at, long name, long type, long flags, long addr, long offset, long size,
            long link, long info, long align, long entsize) {
        b.putInt(at, (int) name);
        b.putInt(at + 4, (int) type);
        if (shape.is64()) {
            b.putLong(at + 8, flags);
            b.putLong(at + 16, addr);
            b.putLong(at + 24, offset);
            b.putLong(at + 32, size);
            b.putInt(at + 40, (int) link);
            b.putInt(at + 44, (int) info);
            b.putLong(at + 48, align);
            b.putLong(at + 56, entsize);
        } else {
            b.putInt(at + 8, (int) flags);
            b.putInt(at + 12, (int) addr);
            b.putInt(at + 16, (int) offset);
            b.putInt(at + 20, (int) size);
            b.putInt(at + 24, (int) link);
            b.putInt(at + 28, (int) info);
            b.putInt(at + 32, (int) align);
            b.putInt(at + 36, (int) entsize);
        }
    }

    /**
     * The alignment a section is placed at: {@code sh_addralign}, 0 meaning 1. Like libelf,
     * refuse what is not a power of two; and refuse alignments above {@link #MAX_ALIGNMENT},
     * which no relocatable object needs, so that a hostile value cannot demand gigabytes of
     * padding.
     */
    private long alignment(Section s) throws ElfFormatException {
        long align = Math.max(s.addralign(), 1);
        if (Long.bitCount(align) != 1 || align > MAX_ALIGNMENT) {
            throw failAt(s, "section " + s.name() + " has sh_addralign 0x" + Long.toHexString(s.addralign())
                    + (Long.bitCount(align) != 1 ? ", not a power of two" : ", above the supported 0x"
                            + Long.toHexString(MAX_ALIGNMENT)));
        }
        return align;
    }

    private static long roundUp(long value, long align) {
        long rem = value % align;
        return rem == 0 ? value : value + align - rem;
    }

    /** An error located at the input's header of {@code s}, if it has one. */
    private ElfFormatException failAt(Section s, String reason) {
        SectionHeader o = s.original();
        ElfHeader h = editor.header();
        long at = o == null ? -1 : h.shoff() + (long) o.index() * h.shentsize();
        return new ElfFormatException(editor.source().source(), at, reason);
    }

    private ElfFormatException fail(String reason) {
        return new ElfFormatException(editor.source().source(), -1, reason);
    }
}
