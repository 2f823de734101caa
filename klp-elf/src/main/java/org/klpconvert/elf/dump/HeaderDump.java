package org.klpconvert.elf.dump;

import org.klpconvert.elf.ElfFile;
import org.klpconvert.elf.ElfFormatException;
import org.klpconvert.elf.ElfHeader;
import org.klpconvert.elf.dynamic.DynamicSection;

/** The {@code -h} part: "ELF Header:" and its twenty lines. */
final class HeaderDump {
    private static final int ET_DYN = 3;

    private final ElfFile file;
    private final ElfHeader h;

    HeaderDump(ElfFile file) {
        this.file = file;
        this.h = file.header();
    }

    void appendTo(Sink out) throws ElfFormatException {
        out.append("ELF Header:\n  Magic:   ");
        for (byte b : file.ident()) {
            out.append(Text.hex(b & 0xff, 2)).append(' ');
        }
        out.append('\n');
        line(out, "Class:", h.is64() ? "ELF64" : "ELF32");
        line(out, "Data:", "2's complement, " + (h.byteOrder() == java.nio.ByteOrder.BIG_ENDIAN ? "big" : "little")
                + " endian");
        line(out, "Version:", h.identVersion() + (h.identVersion() == 1 ? " (current)"
                : h.identVersion() != 0 ? " <unknown>" : ""));
        line(out, "OS/ABI:", ReadelfNames.osAbi(h.osAbi()));
        line(out, "ABI Version:", Integer.toString(h.abiVersion()));
        line(out, "Type:", fileType(file));
        line(out, "Machine:", ReadelfNames.machine(h.machine()));
        line(out, "Version:", "0x" + Long.toHexString(h.version()));
        line(out, "Entry point address:", "0x" + Long.toHexString(h.entry()));
        line(out, "Start of program headers:", Text.unsigned(h.phoff()) + " (bytes into file)");
        line(out, "Start of section headers:", Text.unsigned(h.shoff()) + " (bytes into file)");
        line(out, "Flags:", "0x" + Long.toHexString(h.flags()) + ReadelfNames.machineFlags(h.machine(), h.flags()));
        line(out, "Size of this header:", h.ehsize() + " (bytes)");
        line(out, "Size of program headers:", h.phentsize() + " (bytes)");
        line(out, "Number of program headers:", Integer.toString(h.phnum()));
        line(out, "Size of section headers:", h.shentsize() + " (bytes)");
        boolean hasSections = !file.sections().isEmpty();
        line(out, "Number of section headers:", h.rawShnum()
                + (hasSections && h.rawShnum() == 0 ? " (" + h.shnum() + ")" : ""));
        String index = Integer.toString(h.rawShstrndx());
        if (hasSections && h.rawShstrndx() == 0xffff) {
            index += " (" + h.shstrndx() + ")";
        }
        line(out, "Section header string table index:", index);
    }

    /** readelf's name of the file type, telling position-independent executables from libraries. */
    static String fileType(ElfFile file) throws ElfFormatException {
        int type = file.header().type();
        if (type == ET_DYN && DynamicSection.of(file).map(DynamicSection::isPie).orElse(false)) {
            return "DYN (Position-Independent Executable file)";
        }
        return ReadelfNames.fileType(type);
    }

    /** Labels are left-aligned in a 35-column field after two blanks. */
    private static void line(Sink out, String label, String value) {
        out.append("  ").append(Text.pad(label, 35, true)).append(value).append('\n');
    }
}
