package org.klpconvert.cli;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonGenerator;
import org.klpconvert.elf.Elf;
import org.klpconvert.elf.ElfFile;
import org.klpconvert.elf.ElfRelocation;
import org.klpconvert.elf.ElfSymbol;
import org.klpconvert.elf.SectionHeader;
import org.klpconvert.elf.dump.ReadelfNames;
import org.klpconvert.elf.reloc.Machine;
import org.klpconvert.elf.reloc.RelocationType;

/** {@code dump --json}: one object's header, sections, symbols and relocations (schema klp-tool/dump). */
final class DumpJson {
    /** Version of the {@code klp-tool/dump} JSON schema (docs/json.md). */
    static final int VERSION = 1;

    private DumpJson() {
    }

    /** Writes {@code file} as one JSON object. */
    static void write(JsonGenerator g, ElfFile file) throws IOException {
        int machine = file.header().machine();
        int osAbi = file.header().osAbi();
        g.writeStartObject();
        g.writeStringField("file", file.source());
        g.writeObjectFieldStart("header");
        g.writeNumberField("class", file.is64() ? 64 : 32);
        g.writeStringField("byte_order", file.header().dataEncoding() == Elf.ELFDATA2MSB ? "big" : "little");
        g.writeNumberField("osabi", osAbi);
        g.writeNumberField("type", file.header().type());
        g.writeNumberField("machine", machine);
        g.writeStringField("machine_name", ReadelfNames.machine(machine));
        g.writeNumberField("flags", file.header().flags());
        g.writeNumberField("shnum", file.header().shnum());
        g.writeNumberField("shstrndx", file.header().shstrndx());
        g.writeEndObject();
        g.writeArrayFieldStart("sections");
        for (SectionHeader s : file.sections()) {
            g.writeStartObject();
            g.writeNumberField("index", s.index());
            g.writeStringField("name", s.name());
            g.writeNumberField("type", s.type());
            g.writeStringField("type_name", ReadelfNames.sectionType(s.type(), machine));
            g.writeNumberField("flags", s.flags());
            g.writeNumberField("addr", s.addr());
            g.writeNumberField("offset", s.offset());
            g.writeNumberField("size", s.size());
            g.writeNumberField("link", s.link());
            g.writeNumberField("info", s.info());
            g.writeNumberField("addralign", s.addralign());
            g.writeNumberField("entsize", s.entsize());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeArrayFieldStart("symbols");
        for (ElfSymbol sym : file.symbols()) {
            g.writeStartObject();
            g.writeNumberField("index", sym.index());
            g.writeStringField("name", sym.name());
            g.writeNumberField("value", sym.value());
            g.writeNumberField("size", sym.size());
            g.writeStringField("type", ReadelfNames.symbolType(sym.type(), osAbi));
            g.writeStringField("bind", ReadelfNames.symbolBinding(sym.bind(), osAbi));
            g.writeNumberField("shndx", sym.shndx());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeArrayFieldStart("relocation_sections");
        for (SectionHeader s : file.sections()) {
            if (s.type() != Elf.SHT_RELA && s.type() != Elf.SHT_REL) {
                continue;
            }
            g.writeStartObject();
            g.writeStringField("section", s.name());
            g.writeArrayFieldStart("entries");
            for (ElfRelocation r : file.relocations(s)) {
                g.writeStartObject();
                g.writeNumberField("offset", r.offset());
                g.writeNumberField("type", r.type());
                g.writeStringField("type_name", Machine.relocationType(machine, r.type())
                        .map(RelocationType::readelfName).orElse("unrecognized: " + Integer.toHexString(r.type())));
                g.writeNumberField("symbol", r.symbol());
                if (r.hasAddend()) {
                    g.writeNumberField("addend", r.addend());
                }
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }
}
