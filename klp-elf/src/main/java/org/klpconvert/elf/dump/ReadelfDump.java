package org.klpconvert.elf.dump;

import org.klpconvert.elf.ElfFile;
import org.klpconvert.elf.ElfFormatException;

/**
 * The text GNU readelf 2.40 prints for {@code readelf -W -h -S -s -r} (in that option
 * combination, which prints the file header, the section headers, the relocation sections and
 * the symbol tables, in that order). It is exact for well-formed ELF32 and ELF64 objects of
 * either byte order; for machines other than the five klp-convert handles, relocation types
 * print as readelf prints unknown ones, and RELR sections and symbol versions, which
 * relocatable objects do not have, are not rendered. Useful to compare objects structurally and to explain a
 * byte difference in terms every ELF user knows.
 */
public final class ReadelfDump {
    private ReadelfDump() {
    }

    /**
     * {@return the dump of {@code file}; fails if a table it shows is malformed}
     *
     * @param file the object to print
     * @throws ElfFormatException if the object is malformed
     */
    public static String of(ElfFile file) throws ElfFormatException {
        StringBuilder out = new StringBuilder(4096);
        new HeaderDump(file).appendTo(out);
        new SectionDump(file).appendTo(out);
        new RelocationDump(file).appendTo(out);
        new SymbolDump(file).appendTo(out);
        return out.toString();
    }
}
