package org.klpconvert.elf.dump;

import java.util.List;

import org.klpconvert.elf.ElfFile;
import org.klpconvert.elf.ElfFormatException;
import org.klpconvert.elf.SectionHeader;
import org.klpconvert.elf.segment.ProgramHeader;
import org.klpconvert.elf.segment.ProgramHeaders;

/** The {@code -l} part: the program headers and the section-to-segment mapping. */
final class ProgramHeaderDump {
    private final ElfFile file;
    private final ProgramHeaders segments;
    private final boolean withFileSummary;

    /** {@code withFileSummary}: the type and entry lines readelf prints when {@code -h} is not asked for. */
    ProgramHeaderDump(ElfFile file, ProgramHeaders segments, boolean withFileSummary) {
        this.file = file;
        this.segments = segments;
        this.withFileSummary = withFileSummary;
    }

    void appendTo(Sink out) throws ElfFormatException {
        List<ProgramHeader> list = segments.list();
        if (list.isEmpty()) {
            out.append("\nThere are no program headers in this file.\n");
            return;
        }
        if (withFileSummary) {
            out.append("\nElf file type is ").append(HeaderDump.fileType(file)).append('\n');
            out.append("Entry point 0x").append(Long.toHexString(file.header().entry())).append('\n');
            out.append(list.size() == 1 ? "There is 1 program header" : "There are " + list.size() + " program headers")
                    .append(", starting at offset ").append(Text.unsigned(file.header().phoff())).append('\n');
        }
        boolean is64 = file.is64();
        out.append(list.size() == 1 ? "\nProgram Header:\n" : "\nProgram Headers:\n");
        out.append(is64 ? "  Type           Offset   VirtAddr           PhysAddr           FileSiz  MemSiz   Flg Align\n"
                : "  Type           Offset   VirtAddr   PhysAddr   FileSiz MemSiz  Flg Align\n");
        for (ProgramHeader p : list) {
            out.append("  ").append(Text.pad(ReadelfNames.segmentType(p.type(), file.header().machine()), 14, true))
                    .append(' ');
            if (is64) {
                out.append("0x").append(Text.hex(p.offset(), 6)).append(' ')
                        .append("0x").append(Text.hex(p.vaddr(), 16)).append(' ')
                        .append("0x").append(Text.hex(p.paddr(), 16)).append(' ')
                        .append("0x").append(Text.hex(p.filesz(), 6)).append(' ')
                        .append("0x").append(Text.hex(p.memsz(), 6)).append(' ');
            } else {
                out.append("0x").append(Text.hex(p.offset(), 6)).append(' ')
                        .append("0x").append(Text.hex(p.vaddr(), 8)).append(' ')
                        .append("0x").append(Text.hex(p.paddr(), 8)).append(' ')
                        .append("0x").append(Text.hex(p.filesz(), 5)).append(' ')
                        .append("0x").append(Text.hex(p.memsz(), 5)).append(' ');
            }
            out.append((p.flags() & ProgramHeader.PF_R) != 0 ? "R" : " ")
                    .append((p.flags() & ProgramHeader.PF_W) != 0 ? "W" : " ")
                    .append((p.flags() & ProgramHeader.PF_X) != 0 ? "E" : " ").append(' ')
                    .append(p.align() == 0 ? "0" : "0x" + Long.toHexString(p.align())).append('\n');
            if (p.type() == ProgramHeader.PT_INTERP) {
                appendInterpreter(out, p);
            }
        }
        if (file.sections().size() > 1) {
            out.append("\n Section to Segment mapping:\n  Segment Sections...\n");
            for (ProgramHeader p : list) {
                out.append("   ").append(Text.pad(Integer.toString(p.index()), 2, false).replace(' ', '0'))
                        .append("     ");
                for (SectionHeader s : ProgramHeaders.sectionsIn(file, p)) {
                    out.append(Text.printable(s.name())).append(' ');
                }
                out.append('\n');
            }
        }
    }

    /** The interpreter path, a NUL-terminated string at the segment's offset. */
    private void appendInterpreter(Sink out, ProgramHeader p) throws ElfFormatException {
        if (p.offset() < 0 || p.offset() >= file.length() || p.filesz() == 0) {
            return;
        }
        long size = Math.min(p.filesz(), file.length() - p.offset());
        java.nio.ByteBuffer b = file.bytes(p.offset(), size, "program interpreter");
        StringBuilder path = new StringBuilder();
        for (int i = 0; i < b.capacity() && b.get(i) != 0 && i < 4095; i++) {
            path.append((char) (b.get(i) & 0xff));
        }
        out.append("      [Requesting program interpreter: ").append(path.toString()).append("]\n");
    }
}
