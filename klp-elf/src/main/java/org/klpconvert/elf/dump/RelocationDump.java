package org.klpconvert.elf.dump;

import java.util.List;

import org.klpconvert.elf.Elf;
import org.klpconvert.elf.ElfFile;
import org.klpconvert.elf.ElfFormatException;
import org.klpconvert.elf.ElfRelocation;
import org.klpconvert.elf.ElfSymbol;
import org.klpconvert.elf.SectionHeader;
import org.klpconvert.elf.version.SymbolVersion;
import org.klpconvert.elf.version.SymbolVersions;

/** The {@code -r} part: every non-empty REL and RELA section, in section order; dynamic symbols with their versions. */
final class RelocationDump {
    private static final int STT_GNU_IFUNC = 10;
    private static final int SHT_RELR = 19;

    private final ElfFile file;
    private final boolean is64;
    private final int machine;
    private final SymbolVersions versions;

    RelocationDump(ElfFile file, SymbolVersions versions) {
        this.versions = versions;
        this.file = file;
        this.is64 = file.is64();
        this.machine = file.header().machine();
    }

    void appendTo(Sink out) throws ElfFormatException {
        boolean found = false;
        for (SectionHeader s : file.sections()) {
            if ((s.type() == Elf.SHT_RELA || s.type() == Elf.SHT_REL) && s.size() != 0) {
                appendSection(out, s);
                found = true;
            } else if (s.type() == SHT_RELR && s.size() != 0) {
                appendRelr(out, s);
                found = true;
            }
        }
        if (!found) {
            out.append("\nThere are no relocations in this file.\n");
        }
    }

    private void appendSection(Sink out, SectionHeader s) throws ElfFormatException {
        boolean rela = s.type() == Elf.SHT_RELA;
        List<ElfRelocation> entries = file.relocationView(s);
        SectionHeader table = file.linkedSymbolTable(s);
        List<ElfSymbol> symbols = file.symbols(table);
        boolean dynamic = table.type() == Elf.SHT_DYNSYM;
        out.append("\nRelocation section '").append(Text.printable(s.name())).append("' at offset ")
                .append(s.offset() == 0 ? "0" : "0x" + Long.toHexString(s.offset())).append(" contains ")
                .append(entries.size()).append(entries.size() == 1 ? " entry:\n" : " entries:\n");
        out.append(columnTitles(rela));
        for (ElfRelocation r : entries) {
            appendEntry(out, r, r.symbol() == 0 ? null : symbols.get(r.symbol()), rela, dynamic);
        }
    }

    /**
     * A RELR section: a list of addresses, each even entry one address, each odd entry a
     * bitmap of the words after the previous one that also need relocating.
     */
    private void appendRelr(Sink out, SectionHeader s) throws ElfFormatException {
        int wordSize = is64 ? 8 : 4;
        int entsize = s.entsize() == 4 || s.entsize() == 8 ? (int) s.entsize() : wordSize;
        java.nio.ByteBuffer b = file.content(s);
        int count = b.capacity() / entsize;
        out.append("\nRelocation section '").append(Text.printable(s.name())).append("' at offset 0x")
                .append(Long.toHexString(s.offset())).append(" contains ").append(count)
                .append(count == 1 ? " entry:\n" : " entries:\n");
        long offsets = 0;
        for (int i = 0; i < count; i++) {
            long entry = entry(b, i, entsize);
            offsets += (entry & 1) == 0 ? 1 : Long.bitCount(entry >>> 1);
        }
        out.append("  ").append(Long.toUnsignedString(offsets)).append(offsets == 1 ? " offset\n" : " offsets\n");
        long where = 0;
        for (int i = 0; i < count; i++) {
            long entry = entry(b, i, entsize);
            if ((entry & 1) == 0) {
                out.append(Text.hex(entry, is64 ? 16 : 8)).append('\n');
                where = entry + entsize;
            } else {
                int j = 0;
                for (long bits = entry >>> 1; bits != 0; j++, bits >>>= 1) {
                    if ((bits & 1) != 0) {
                        out.append(Text.hex(where + (long) j * entsize, is64 ? 16 : 8)).append('\n');
                    }
                }
                where += (long) (entsize * 8 - 1) * entsize;
            }
        }
    }

    private static long entry(java.nio.ByteBuffer b, int i, int entsize) {
        return entsize == 8 ? b.getLong(i * 8) : b.getInt(i * 4) & 0xffffffffL;
    }

    private String columnTitles(boolean rela) {
        if (is64) {
            return "    Offset             Info             Type               Symbol's Value  Symbol's Name"
                    + (rela ? " + Addend\n" : "\n");
        }
        return rela ? " Offset     Info    Type                Sym. Value  Symbol's Name + Addend\n"
                : " Offset     Info    Type                Sym. Value  Symbol's Name\n";
    }

    private void appendEntry(Sink out, ElfRelocation r, ElfSymbol symbol, boolean rela, boolean dynamic) {
        int width = is64 ? 16 : 8;
        long info = is64 ? (long) r.symbol() << 32 | Integer.toUnsignedLong(r.type())
                : (long) r.symbol() << 8 | r.type();
        out.append(Text.hex(r.offset(), width)).append("  ").append(Text.hex(info, width)).append(' ');
        String type = ReadelfNames.relocationName(machine, r.type()).orElse(null);
        out.append(type == null ? "unrecognized: " + Text.pad(Integer.toHexString(r.type()), 7, true)
                : Text.pad(type, 22, true));
        if (symbol != null) {
            out.append(' ');
            String version = dynamic ? versions.versionOf(symbol).map(v -> (v.kind() == SymbolVersion.Kind.DEFAULT
                    ? "@@" : "@") + Text.printable(v.name())).orElse("") : "";
            appendSymbolValue(out, symbol, version);
            out.append(Text.printable(symbolName(symbol))).append(version);
            if (rela) {
                out.append(r.addend() < 0 ? " - " : " + ").append(magnitude(r.addend()));
            }
        } else if (rela) {
            out.append(" ".repeat(is64 ? 20 : 12)).append(r.addend() < 0 ? "-" : "").append(magnitude(r.addend()));
        }
        out.append('\n');
    }

    /** An addend's absolute value in hex, as C's {@code -off} of an unsigned 64-bit value. */
    private static String magnitude(long addend) {
        return Long.toHexString(addend < 0 ? -addend : addend);
    }

    /**
     * The value column. An IFUNC symbol's value is not the relocation's target, so readelf
     * shows its name followed by {@code ()} there instead.
     */
    private void appendSymbolValue(Sink out, ElfSymbol symbol, String version) {
        if (symbol.type() == STT_GNU_IFUNC) {
            int width = is64 ? 14 : 8;
            String name = symbol.nameOffset() == 0 ? "??" : Text.printable(symbol.name()) + version;
            out.append(name).append("()").append(" ".repeat(name.length() <= width ? width + 1 - name.length() : 1));
            return;
        }
        out.append(Text.hex(symbol.value(), is64 ? 16 : 8)).append(is64 ? " " : "   ");
    }

    /** Section symbols have no name of their own; readelf shows their section's. */
    private String symbolName(ElfSymbol symbol) {
        if (symbol.nameOffset() != 0) {
            return symbol.name();
        }
        if (symbol.type() != Elf.STT_SECTION) {
            return "<null>";
        }
        if (symbol.hasSection()) {
            return file.section(symbol.sectionIndex()).name();
        }
        return switch (symbol.shndx()) {
            case Elf.SHN_UNDEF -> file.sections().isEmpty() ? "<section 0x0>" : file.section(0).name();
            case Elf.SHN_ABS -> "ABS";
            case Elf.SHN_COMMON -> "COMMON";
            default -> machine == Elf.EM_X86_64 && symbol.shndx() == 0xff02 ? "LARGE_COMMON"
                    : "<section 0x" + Integer.toHexString(symbol.shndx()) + ">";
        };
    }
}
