package org.klpconvert.elf.dump;

import org.klpconvert.elf.Elf;
import org.klpconvert.elf.ElfFile;
import org.klpconvert.elf.ElfFormatException;
import org.klpconvert.elf.ElfSymbol;
import org.klpconvert.elf.SectionHeader;
import org.klpconvert.elf.version.SymbolVersion;
import org.klpconvert.elf.version.SymbolVersions;

/** The {@code -s} and {@code --dyn-syms} parts: the symbol tables, in section order, dynamic symbols with their versions. */
final class SymbolDump {
    private final ElfFile file;
    private final boolean is64;
    private final int machine;
    private final int osAbi;
    private final SymbolVersions versions;
    private final boolean allTables;

    /** {@code allTables}: {@code -s}, every table; otherwise {@code --dyn-syms}, the dynamic one only. */
    SymbolDump(ElfFile file, SymbolVersions versions, boolean allTables) {
        this.versions = versions;
        this.allTables = allTables;
        this.file = file;
        this.is64 = file.is64();
        this.machine = file.header().machine();
        this.osAbi = file.header().osAbi();
    }

    void appendTo(Sink out) throws ElfFormatException {
        for (SectionHeader s : file.sections()) {
            if (s.type() != Elf.SHT_DYNSYM && !(allTables && s.type() == Elf.SHT_SYMTAB)) {
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
            boolean dynamic = s.type() == Elf.SHT_DYNSYM;
            for (ElfSymbol sym : file.symbols(s)) {
                appendSymbol(out, sym, extended);
                if (dynamic) {
                    versions.versionOf(sym).ifPresent(v -> out.append(suffix(v)));
                }
                out.append('\n');
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

    private void appendSymbol(Sink out, ElfSymbol sym, boolean extended) {
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
        out.append(Text.printable(sectionName ? file.section((int) index).name() : sym.name()));
    }

    /** {@code @@VERSION} for a default definition, {@code @VERSION} for a hidden one, {@code @VERSION (n)} for a requirement. */
    private static String suffix(SymbolVersion v) {
        return switch (v.kind()) {
            case DEFAULT -> "@@" + Text.printable(v.name());
            case HIDDEN -> "@" + Text.printable(v.name());
            case REQUIRED -> "@" + Text.printable(v.name()) + " (" + v.index() + ")";
        };
    }
}
