package org.klpconvert.elf.dump;

import org.klpconvert.elf.ElfFile;
import org.klpconvert.elf.SectionHeader;

/** The {@code -S -W} part: the section header table and the key to the flag letters. */
final class SectionDump {
    private final ElfFile file;
    private final boolean is64;
    private final boolean withCount;

    /** {@code withCount}: the count line readelf prints when {@code -h} is not asked for. */
    SectionDump(ElfFile file, boolean withCount) {
        this.file = file;
        this.withCount = withCount;
        this.is64 = file.is64();
    }

    void appendTo(Sink out) {
        int n = file.sections().size();
        if (n == 0) {
            out.append("\nThere are no sections in this file.\n");
            return;
        }
        if (withCount) {
            out.append(n == 1 ? "There is 1 section header" : "There are " + n + " section headers")
                    .append(", starting at offset 0x").append(Long.toHexString(file.header().shoff())).append(":\n");
        }
        out.append(n > 1 ? "\nSection Headers:\n" : "\nSection Header:\n");
        out.append(is64
                ? "  [Nr] Name              Type            Address          Off    Size   ES Flg Lk Inf Al\n"
                : "  [Nr] Name              Type            Addr     Off    Size   ES Flg Lk Inf Al\n");
        for (SectionHeader s : file.sections()) {
            appendRow(out, s);
        }
        int machine = file.header().machine();
        int osAbi = file.header().osAbi();
        out.append("Key to Flags:\n"
                + "  W (write), A (alloc), X (execute), M (merge), S (strings), I (info),\n"
                + "  L (link order), O (extra OS processing required), G (group), T (TLS),\n"
                + "  C (compressed), x (unknown), o (OS specific), E (exclude),\n")
                .append(ReadelfNames.flagKeyTail(machine, osAbi)).append('\n');
    }

    private void appendRow(Sink out, SectionHeader s) {
        int machine = file.header().machine();
        String type = ReadelfNames.sectionType(Integer.toUnsignedLong(s.type()), machine);
        String flags = ReadelfNames.sectionFlags(s.flags(), machine, file.header().osAbi());
        out.append("  [").append(Text.pad(Integer.toString(s.index()), 2, false)).append("] ")
                .append(Text.pad(Text.printable(s.name()), 17, true)).append(' ')
                .append(Text.pad(type, 15, true)).append(' ')
                .append(Text.hex(s.addr(), is64 ? 16 : 8)).append(' ')
                .append(Text.hex(s.offset(), 6)).append(' ')
                .append(Text.hex(s.size(), 6)).append(' ')
                .append(Text.hex(s.entsize(), 2)).append(' ')
                .append(Text.pad(flags, 3, false)).append(' ')
                .append(Text.pad(Long.toString(s.link()), 2, false)).append(' ')
                .append(Text.pad(Long.toString(s.info()), 3, false)).append(' ')
                .append(Text.pad(Text.unsigned(s.addralign()), 2, false)).append('\n');
    }
}
