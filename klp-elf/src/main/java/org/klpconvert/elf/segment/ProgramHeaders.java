package org.klpconvert.elf.segment;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

import org.klpconvert.elf.ElfFile;
import org.klpconvert.elf.ElfFormatException;
import org.klpconvert.elf.SectionHeader;

/**
 * The program header table of an object, read and checked: every entry lies inside the file.
 * The segment contents are not checked here (a segment may legitimately describe memory only),
 * but {@link #fileOffset(long, long)} refuses addresses no loadable segment maps.
 */
public final class ProgramHeaders {
    private static final long SHF_ALLOC = 0x2;
    private static final long SHF_TLS = 0x400;
    private static final int SHT_NOBITS = 8;

    private final List<ProgramHeader> headers;

    private ProgramHeaders(List<ProgramHeader> headers) {
        this.headers = headers;
    }

    /**
     * Reads the table {@code e_phoff} and {@code e_phnum} describe (empty when there is none).
     *
     * @param file the object
     * @return the program headers
     * @throws ElfFormatException if the object is malformed
     */
    public static ProgramHeaders of(ElfFile file) throws ElfFormatException {
        int count = file.header().phnum();
        if (count == 0 || file.header().phoff() == 0) {
            return new ProgramHeaders(List.of());
        }
        int entsize = file.is64() ? 56 : 32;
        if (file.header().phentsize() != entsize) {
            throw new ElfFormatException(file.source(), file.is64() ? 54 : 42, "e_phentsize is "
                    + file.header().phentsize() + ", expected " + entsize);
        }
        ByteBuffer b = file.bytes(file.header().phoff(), (long) count * entsize, "program header table");
        List<ProgramHeader> list = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int at = i * entsize;
            if (file.is64()) {
                list.add(new ProgramHeader(i, u32(b, at), u32(b, at + 4), b.getLong(at + 8), b.getLong(at + 16),
                        b.getLong(at + 24), b.getLong(at + 32), b.getLong(at + 40), b.getLong(at + 48)));
            } else {
                list.add(new ProgramHeader(i, u32(b, at), u32(b, at + 24), u32(b, at + 4), u32(b, at + 8),
                        u32(b, at + 12), u32(b, at + 16), u32(b, at + 20), u32(b, at + 28)));
            }
        }
        return new ProgramHeaders(Collections.unmodifiableList(list));
    }

    /** {@return all entries in table order} */
    public List<ProgramHeader> list() {
        return headers;
    }

    /**
     * {@return the first entry of that type}
     *
     * @param type the {@code p_type} value
     */
    public Optional<ProgramHeader> first(long type) {
        return headers.stream().filter(h -> h.type() == type).findFirst();
    }

    /**
     * {@return the file offset of the {@code size} bytes at virtual address {@code vaddr}, through the
     * first {@code PT_LOAD} segment whose file image holds them (the segment's start rounded
     * down to its alignment, as the loader maps it); empty when none does}
     *
     * @param vaddr the virtual address
     * @param size the number of bytes
     */
    public Optional<Long> fileOffset(long vaddr, long size) {
        for (ProgramHeader h : headers) {
            if (h.type() != ProgramHeader.PT_LOAD) {
                continue;
            }
            long start = h.vaddr() & -h.align();
            if (Long.compareUnsigned(vaddr, start) >= 0
                    && Long.compareUnsigned(vaddr + size, h.vaddr() + h.filesz()) <= 0) {
                return Optional.of(vaddr - h.vaddr() + h.offset());
            }
        }
        return Optional.empty();
    }

    /**
     * {@return the sections (section 0 excluded) the segment holds, in section order: by file offset and
     * by address, wholly, with the special cases for TLS and empty sections the GNU tools apply
     * (a {@code .tbss} section only belongs to {@code PT_TLS}; an empty section at either end of
     * a {@code PT_DYNAMIC} or {@code PT_NOTE} segment does not belong to it)}
     *
     * @param file the object
     * @param segment one of its program headers
     */
    public static List<SectionHeader> sectionsIn(ElfFile file, ProgramHeader segment) {
        List<SectionHeader> result = new ArrayList<>();
        List<SectionHeader> sections = file.sections();
        for (int i = 1; i < sections.size(); i++) {
            SectionHeader s = sections.get(i);
            if (!tbssOutsideTls(s, segment) && holds(segment, s)) {
                result.add(s);
            }
        }
        return result;
    }

    private static boolean tbssOutsideTls(SectionHeader s, ProgramHeader p) {
        return (s.flags() & SHF_TLS) != 0 && s.type() == SHT_NOBITS && p.type() != ProgramHeader.PT_TLS;
    }

    private static boolean holds(ProgramHeader p, SectionHeader s) {
        long type = p.type();
        boolean tls = (s.flags() & SHF_TLS) != 0;
        boolean alloc = (s.flags() & SHF_ALLOC) != 0;
        boolean nobits = s.type() == SHT_NOBITS;
        long size = tbssOutsideTls(s, p) ? 0 : s.size();
        boolean kindFits = tls ? type == ProgramHeader.PT_TLS || type == ProgramHeader.PT_GNU_RELRO
                || type == ProgramHeader.PT_LOAD : type != ProgramHeader.PT_TLS && type != ProgramHeader.PT_PHDR;
        if (!kindFits) {
            return false;
        }
        boolean allocOnly = type == ProgramHeader.PT_LOAD || type == ProgramHeader.PT_DYNAMIC
                || type == ProgramHeader.PT_GNU_EH_FRAME || type == ProgramHeader.PT_GNU_STACK
                || type == ProgramHeader.PT_GNU_RELRO || type == ProgramHeader.PT_GNU_SFRAME
                || type >= ProgramHeader.PT_GNU_MBIND_LO && type <= ProgramHeader.PT_GNU_MBIND_HI;
        if (!alloc && allocOnly) {
            return false;
        }
        if (!nobits && !(uge(s.offset(), p.offset()) && ule(s.offset() - p.offset(), p.filesz() - 1)
                && ule(s.offset() - p.offset() + size, p.filesz()))) {
            return false;
        }
        if (alloc && !(uge(s.addr(), p.vaddr()) && ule(s.addr() - p.vaddr(), p.memsz() - 1)
                && ule(s.addr() - p.vaddr() + size, p.memsz()))) {
            return false;
        }
        if ((type == ProgramHeader.PT_DYNAMIC || type == ProgramHeader.PT_NOTE) && s.size() == 0 && p.memsz() != 0) {
            boolean insideFile = nobits || ugt(s.offset(), p.offset()) && ult(s.offset() - p.offset(), p.filesz());
            boolean insideMemory = !alloc || ugt(s.addr(), p.vaddr()) && ult(s.addr() - p.vaddr(), p.memsz());
            return insideFile && insideMemory;
        }
        return true;
    }

    private static boolean uge(long a, long b) {
        return Long.compareUnsigned(a, b) >= 0;
    }

    private static boolean ugt(long a, long b) {
        return Long.compareUnsigned(a, b) > 0;
    }

    private static boolean ule(long a, long b) {
        return Long.compareUnsigned(a, b) <= 0;
    }

    private static boolean ult(long a, long b) {
        return Long.compareUnsigned(a, b) < 0;
    }

    private static long u32(ByteBuffer b, int at) {
        return b.getInt(at) & 0xffffffffL;
    }
}
