package org.klpconvert.convert.support;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.klpconvert.elf.Elf;
import org.klpconvert.elf.ElfFile;
import org.klpconvert.elf.ElfHeader;
import org.klpconvert.elf.SectionHeader;

/**
 * An independent statement of the layout libelf gives a new object (klp-convert.md 6.4, 6.5),
 * checked against an output: sections in index order, each at its alignment (0 counts as 1,
 * NOBITS moves the position but takes no bytes), header table last at 8 or 4 bytes, table
 * entry sizes normalised.
 */
public final class LibelfLayout {
    private LibelfLayout() {
    }

    /** Asserts every layout rule on {@code output}; returns the offset the section header table must have. */
    public static long check(byte[] output) {
        ElfFile file = ObjectView.of(output).file();
        ElfHeader h = file.header();
        boolean is64 = h.is64();
        assertEquals(is64 ? 64 : 52, h.ehsize(), "e_ehsize");
        assertEquals(0, h.osAbi(), "EI_OSABI");
        assertEquals(0, h.phoff(), "e_phoff");
        assertEquals(0, h.phnum(), "e_phnum");
        List<SectionHeader> sections = file.sections();
        long pos = h.ehsize();
        for (SectionHeader s : sections.subList(1, sections.size())) {
            long align = s.addralign();
            assertEquals(true, align >= 1, s.name() + ": written sh_addralign is at least 1");
            pos = roundUp(pos, align);
            assertEquals(pos, s.offset(), s.name() + ": sh_offset");
            if (s.type() != Elf.SHT_NOBITS) {
                pos += s.size();
            }
            Long entsize = normalised(s.type(), is64);
            if (entsize != null) {
                assertEquals(entsize.longValue(), s.entsize(), s.name() + ": sh_entsize");
            }
        }
        long shoff = roundUp(pos, is64 ? 8 : 4);
        assertEquals(shoff, h.shoff(), "e_shoff");
        assertEquals(shoff + (long) sections.size() * (is64 ? 64 : 40), output.length, "file size");
        return shoff;
    }

    private static Long normalised(int type, boolean is64) {
        return switch (type) {
            case Elf.SHT_SYMTAB -> is64 ? 24L : 16L;
            case Elf.SHT_RELA -> is64 ? 24L : 12L;
            case Elf.SHT_REL -> is64 ? 16L : 8L;
            case Elf.SHT_GROUP, Elf.SHT_SYMTAB_SHNDX -> 4L;
            default -> null;
        };
    }

    public static long roundUp(long value, long align) {
        return (value + align - 1) / align * align;
    }
}
