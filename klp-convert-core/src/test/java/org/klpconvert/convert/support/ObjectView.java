package org.klpconvert.convert.support;

import java.util.ArrayList;
import java.util.List;

import org.klpconvert.elf.Elf;
import org.klpconvert.elf.ElfFile;
import org.klpconvert.elf.ElfFormatException;
import org.klpconvert.elf.ElfRelocation;
import org.klpconvert.elf.ElfSymbol;
import org.klpconvert.elf.SectionHeader;
import org.klpconvert.elf.reloc.Machine;
import org.klpconvert.elf.reloc.RelocationType;

/**
 * A converted object as the tests look at it: sections, symbols and relocations by name,
 * read back with the klp-elf reader (indices resolved to names).
 */
public final class ObjectView {
    private final ElfFile file;
    private final List<ElfSymbol> symbols;

    /** One relocation with its type and symbol spelled out. */
    public record Rel(long offset, String type, String symbol, long addend) {
        @Override
        public String toString() {
            return "@0x" + Long.toHexString(offset) + " " + type + " " + symbol + " " + addend;
        }
    }

    private ObjectView(ElfFile file) throws ElfFormatException {
        this.file = file;
        this.symbols = file.symbols();
    }

    public static ObjectView of(byte[] object) {
        try {
            return new ObjectView(ElfFile.parse(object, "output"));
        } catch (ElfFormatException e) {
            throw new AssertionError("output does not parse: " + e.getMessage(), e);
        }
    }

    public ElfFile file() {
        return file;
    }

    public List<String> sectionNames() {
        return file.sections().stream().map(SectionHeader::name).toList();
    }

    public boolean has(String section) {
        return file.section(section).isPresent();
    }

    public SectionHeader section(String name) {
        return file.section(name).orElseThrow(() -> new AssertionError("no section " + name + " in " + sectionNames()));
    }

    public List<ElfSymbol> symbols() {
        return symbols;
    }

    /** The symbol with that name; a section symbol is named after its section. */
    public ElfSymbol symbol(String name) {
        return symbols.stream().filter(s -> name(s).equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no symbol " + name));
    }

    public boolean hasSymbol(String name) {
        return symbols.stream().anyMatch(s -> name(s).equals(name));
    }

    /** The relocations of a section, in order. */
    public List<Rel> relocations(String section) {
        try {
            List<Rel> result = new ArrayList<>();
            for (ElfRelocation r : file.relocations(section(section))) {
                String type = Machine.relocationType(file.header().machine(), r.type())
                        .map(RelocationType::readelfName).orElse("type " + r.type());
                result.add(new Rel(r.offset(), type, r.symbol() == 0 ? "" : name(symbols.get(r.symbol())),
                        r.addend()));
            }
            return result;
        } catch (ElfFormatException e) {
            throw new AssertionError(e.getMessage(), e);
        }
    }

    /** {@link #relocations} rendered with {@link Rel#toString()}, for compact assertions. */
    public List<String> relocationLines(String section) {
        return relocations(section).stream().map(Rel::toString).toList();
    }

    private String name(ElfSymbol s) {
        if (s.type() == Elf.STT_SECTION && s.hasSection()) {
            return file.section(s.sectionIndex()).name();
        }
        return s.name();
    }
}
