package org.klpconvert.elf.dump;

import org.klpconvert.elf.Elf;
import org.klpconvert.elf.ElfFile;
import org.klpconvert.elf.ElfFormatException;
import org.klpconvert.elf.ElfSymbol;
import org.klpconvert.elf.SectionHeader;

/** The {@code -s -W} part: every symbol table, in section order. */
final class SymbolDump {
    private final ElfFile file;
    private final boolean is64;
    private final int machine;
    private final int osAbi;

    SymbolDump(ElfFile file) {
        this.file = file;
        this.is64 = file.is64();
        this.machine = file.header().machine();
        this.osAbi = file.header().osAbi();
    }

    void appendTo(StringBuilder out) throws ElfFormatException {
        for (SectionHeader s : file.sections()) {
            if (s.type() != Elf.SHT_SYMTAB && s.type() != Elf.SHT_DYNSYM) {
                continue;
            }
            String name = Text.printable(s.name());
            if (s.entsize() == 0) {
                out.append("\nSymbol table '").append(name).append("' has a sh_entsize of zero!\n");
                continue;
            }
            int count = file.symbols(s).size();
            out.append("\nSymbol table '").append(name).append("' contains ").append(count)
                    .append(count == 1 ? " entry:\n" : " entries:\n");
            out.append(is64 ? "   Num:    Value          Size Type    Bind   Vis      Ndx Name\n"
                    : "   Num:    Value  Size Type    Bind   Vis      Ndx Name\n");
            boolean extended = hasExtendedIndices(s);
            for (ElfSymbol sym : file.symbols(s)) {
                appendSymbol(out, sym, extended);
            }
        }
    }

    private boolean hasExtendedIndices(SectionHeader table) {
        for (SectionHeader s : file.sections()) {
            if (s.type() == Elf.SHT_SYMTAB_SHNDX && s.link() == table.index()) {
                return true;
            }
        }
        return false;
    }

    private void appendSymbol(StringBuilder out, ElfSymbol sym, boolean extended) {
        out.append(Text.pad(Integer.toString(sym.index()), 6, false)).append(": ")
                .append(Text.hex(sym.value(), is64 ? 16 : 8)).append(' ')
                .append(sym.size() >= 0 && sym.size() <= 99999 ? Text.pad(Long.toString(sym.size()), 5, false)
                        : "0x" + Long.toHexString(sym.size()))
                .append(' ').append(Text.pad(ReadelfNames.symbolType(sym.type(), osAbi), 7, true))
                .append(' ').append(Text.pad(ReadelfNames.symbolBinding(sym.bind(), osAbi), 6, true))
                .append(' ').append(Text.pad(ReadelfNames.visibility(sym.other()), 7, true));
        int otherBits = sym.other() & ~3;
        if (otherBits != 0) {
            out.append(" [").append(ReadelfNames.symbolOther(machine, otherBits)).append("] ");
        }
        // readelf replaces SHN_XINDEX by the extended index when a table exists; only then is
        // a value at or above 0xff00 a real section number.
        boolean viaTable = sym.shndx() == Elf.SHN_XINDEX && extended;
        long index = viaTable ? sym.sectionIndex() : sym.shndx();
        boolean special = !viaTable && sym.shndx() >= Elf.SHN_LORESERVE;
        String ndx = ReadelfNames.symbolIndex(index, special, machine, file.sections().size());
        out.append(' ').append(Text.pad(ndx, 4, false)).append(' ');
        boolean sectionName = sym.type() == Elf.STT_SECTION && !special && index < file.sections().size()
                && sym.nameOffset() == 0;
        out.append(Text.printable(sectionName ? file.section((int) index).name() : sym.name())).append('\n');
    }
}
