package org.klpconvert.elf.dump;

import java.util.List;
import java.util.Optional;

import org.klpconvert.elf.Elf;
import org.klpconvert.elf.ElfFile;
import org.klpconvert.elf.ElfFormatException;
import org.klpconvert.elf.ElfSymbol;
import org.klpconvert.elf.SectionHeader;
import org.klpconvert.elf.version.SymbolVersions;
import org.klpconvert.elf.version.VersionDefinition;
import org.klpconvert.elf.version.VersionName;
import org.klpconvert.elf.version.VersionNeed;
import org.klpconvert.elf.version.VersionRequirement;

/** The {@code -V} part: the version definition, requirement and symbol sections, in section order. */
final class VersionDump {
    private final ElfFile file;

    VersionDump(ElfFile file) {
        this.file = file;
    }

    void appendTo(Sink out) throws ElfFormatException {
        SymbolVersions versions = null;
        boolean found = false;
        for (SectionHeader s : file.sections()) {
            switch (s.type()) {
                case SymbolVersions.SHT_GNU_VERDEF -> appendDefinitions(out, s);
                case SymbolVersions.SHT_GNU_VERNEED -> appendNeeds(out, s);
                case SymbolVersions.SHT_GNU_VERSYM -> {
                    if (versions == null) {
                        versions = SymbolVersions.of(file);
                    }
                    appendSymbolVersions(out, s, versions);
                }
                default -> {
                    continue;
                }
            }
            found = true;
        }
        if (!found) {
            out.append("\nNo version information found in this file.\n");
        }
    }

    private void appendHeading(Sink out, String kind, SectionHeader s, long count) {
        out.append("\n").append(kind).append(" section '").append(Text.printable(s.name())).append("' contains ")
                .append(count).append(count == 1 ? " entry:\n" : " entries:\n");
        String link = s.link() < file.sections().size() ? Text.printable(file.section((int) s.link()).name())
                : "<corrupt>";
        out.append(" Addr: 0x").append(Text.hex(s.addr(), 16)).append("  Offset: 0x")
                .append(Text.hex(s.offset(), 8)).append("  Link: ").append(s.link()).append(" (").append(link)
                .append(")\n");
    }

    private void appendDefinitions(Sink out, SectionHeader s) throws ElfFormatException {
        appendHeading(out, "Version definition", s, s.info());
        for (VersionDefinition d : SymbolVersions.definitions(file, s)) {
            out.append("  ").append(offset(d.offset())).append(": Rev: ").append(d.revision()).append("  Flags: ")
                    .append(flags(d.flags())).append("  Index: ").append(d.index()).append("  Cnt: ")
                    .append(d.count()).append("  ");
            List<VersionName> names = d.names();
            if (!names.isEmpty()) {
                out.append("Name: ").append(Text.printable(names.get(0).name())).append('\n');
            }
            for (int j = 1; j < names.size(); j++) {
                out.append("  ").append(offset(names.get(j).offset())).append(": Parent ").append(j).append(": ")
                        .append(Text.printable(names.get(j).name())).append('\n');
            }
        }
    }

    private void appendNeeds(Sink out, SectionHeader s) throws ElfFormatException {
        appendHeading(out, "Version needs", s, s.info());
        for (VersionNeed n : SymbolVersions.needs(file, s)) {
            out.append("  ").append(offset(n.offset())).append(": Version: ").append(n.version()).append("  File: ")
                    .append(Text.printable(n.file())).append("  Cnt: ").append(n.count()).append('\n');
            for (VersionRequirement r : n.requirements()) {
                out.append("  ").append(offset(r.offset())).append(":   Name: ").append(Text.printable(r.name()))
                        .append("  Flags: ").append(flags(r.flags())).append("  Version: ").append(r.other())
                        .append('\n');
            }
        }
    }

    private void appendSymbolVersions(Sink out, SectionHeader s, SymbolVersions versions) throws ElfFormatException {
        // this section's own entries: a file may hold more than one, of other sizes
        java.nio.ByteBuffer entries = file.content(s);
        int count = entries.capacity() / 2;
        appendHeading(out, "Version symbols", s, count);
        List<ElfSymbol> symbols = file.symbols(file.linkedSymbolTable(s));
        for (int i = 0; i < count; i += 4) {
            out.append("  ").append(Text.hex(i, 3)).append(':');
            for (int j = i; j < Math.min(i + 4, count); j++) {
                int value = entries.getShort(2 * j) & 0xffff;
                if (value == 0) {
                    out.append("   0 (*local*)    ");
                    continue;
                }
                if (value == 1) {
                    out.append("   1 (*global*)   ");
                    continue;
                }
                String entry = Text.pad(Integer.toHexString(value & 0x7fff), 4, false)
                        + ((value & SymbolVersions.VERSYM_HIDDEN) != 0 ? 'h' : ' ');
                if (j < symbols.size()) {
                    entry += name(symbols.get(j), value, versions).map(n -> "(" + n + Text.pad(")", Math.abs(12 - n.length()), true))
                            .orElse("");
                }
                out.append(entry.length() < 18 ? Text.pad(entry, 18, true) : entry);
            }
            out.append('\n');
        }
    }

    /**
     * The name readelf shows for a version index: a definition for a defined symbol, else
     * (and for data copied from a library, which is defined here but versioned there) a
     * requirement.
     */
    private Optional<String> name(ElfSymbol symbol, int value, SymbolVersions versions) {
        if (symbol.shndx() != Elf.SHN_UNDEF && value != 0x8001) {
            Optional<VersionDefinition> d = versions.definition(value & 0x7fff);
            if (d.isPresent() && !d.get().names().isEmpty()) {
                return Optional.of(Text.printable(d.get().name()));
            }
        }
        return versions.requirement(value).map(r -> Text.printable(r.name()));
    }

    private static String offset(long value) {
        return value == 0 ? "000000" : "0x" + Text.hex(value, 4);
    }

    private static String flags(int flags) {
        if (flags == 0) {
            return "none";
        }
        StringBuilder s = new StringBuilder();
        String[] names = {"BASE", "WEAK", "INFO"};
        for (int i = 0; i < names.length; i++) {
            if ((flags & 1 << i) != 0) {
                s.append(s.length() > 0 ? " | " : "").append(names[i]);
            }
        }
        if ((flags & ~7) != 0) {
            s.append(s.length() > 0 ? " | " : "").append("<unknown>");
        }
        return s.toString();
    }
}
