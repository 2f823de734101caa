package org.klpconvert.elf.dump;

import java.util.Map;
import java.util.Optional;

import org.klpconvert.elf.Elf;
import org.klpconvert.elf.ElfFile;
import org.klpconvert.elf.dynamic.DynamicEntry;
import org.klpconvert.elf.dynamic.DynamicSection;

/** The {@code -d} part: the dynamic section, one line per entry. */
final class DynamicDump {
    private static final Map<Long, String> TAGS = Map.ofEntries(
            Map.entry(0L, "NULL"), Map.entry(1L, "NEEDED"), Map.entry(2L, "PLTRELSZ"), Map.entry(3L, "PLTGOT"),
            Map.entry(4L, "HASH"), Map.entry(5L, "STRTAB"), Map.entry(6L, "SYMTAB"), Map.entry(7L, "RELA"),
            Map.entry(8L, "RELASZ"), Map.entry(9L, "RELAENT"), Map.entry(10L, "STRSZ"), Map.entry(11L, "SYMENT"),
            Map.entry(12L, "INIT"), Map.entry(13L, "FINI"), Map.entry(14L, "SONAME"), Map.entry(15L, "RPATH"),
            Map.entry(16L, "SYMBOLIC"), Map.entry(17L, "REL"), Map.entry(18L, "RELSZ"), Map.entry(19L, "RELENT"),
            Map.entry(20L, "PLTREL"), Map.entry(21L, "DEBUG"), Map.entry(22L, "TEXTREL"), Map.entry(23L, "JMPREL"),
            Map.entry(24L, "BIND_NOW"), Map.entry(25L, "INIT_ARRAY"), Map.entry(26L, "FINI_ARRAY"),
            Map.entry(27L, "INIT_ARRAYSZ"), Map.entry(28L, "FINI_ARRAYSZ"), Map.entry(29L, "RUNPATH"),
            Map.entry(30L, "FLAGS"), Map.entry(32L, "PREINIT_ARRAY"), Map.entry(33L, "PREINIT_ARRAYSZ"),
            Map.entry(34L, "SYMTAB_SHNDX"), Map.entry(35L, "RELRSZ"), Map.entry(36L, "RELR"),
            Map.entry(37L, "RELRENT"),
            Map.entry(0x6ffffdf4L, "GNU_FLAGS_1"), Map.entry(0x6ffffdf5L, "GNU_PRELINKED"),
            Map.entry(0x6ffffdf6L, "GNU_CONFLICTSZ"), Map.entry(0x6ffffdf7L, "GNU_LIBLISTSZ"),
            Map.entry(0x6ffffdf8L, "CHECKSUM"), Map.entry(0x6ffffdf9L, "PLTPADSZ"), Map.entry(0x6ffffdfaL, "MOVEENT"),
            Map.entry(0x6ffffdfbL, "MOVESZ"), Map.entry(0x6ffffdfcL, "FEATURE"), Map.entry(0x6ffffdfdL, "POSFLAG_1"),
            Map.entry(0x6ffffdfeL, "SYMINSZ"), Map.entry(0x6ffffdffL, "SYMINENT"),
            Map.entry(0x6ffffef5L, "GNU_HASH"), Map.entry(0x6ffffef6L, "TLSDESC_PLT"),
            Map.entry(0x6ffffef7L, "TLSDESC_GOT"), Map.entry(0x6ffffef8L, "GNU_CONFLICT"),
            Map.entry(0x6ffffef9L, "GNU_LIBLIST"), Map.entry(0x6ffffefaL, "CONFIG"), Map.entry(0x6ffffefbL, "DEPAUDIT"),
            Map.entry(0x6ffffefcL, "AUDIT"), Map.entry(0x6ffffefdL, "PLTPAD"), Map.entry(0x6ffffefeL, "MOVETAB"),
            Map.entry(0x6ffffeffL, "SYMINFO"), Map.entry(0x6ffffff0L, "VERSYM"), Map.entry(0x6ffffff9L, "RELACOUNT"),
            Map.entry(0x6ffffffaL, "RELCOUNT"), Map.entry(0x6ffffffbL, "FLAGS_1"), Map.entry(0x6ffffffcL, "VERDEF"),
            Map.entry(0x6ffffffdL, "VERDEFNUM"), Map.entry(0x6ffffffeL, "VERNEED"), Map.entry(0x6fffffffL, "VERNEEDNUM"),
            Map.entry(0x7ffffffdL, "AUXILIARY"), Map.entry(0x7ffffffeL, "USED"), Map.entry(0x7fffffffL, "FILTER"));

    /** {@code DT_FLAGS_1} bit names, lowest bit first. */
    private static final String[] FLAGS_1 = {"NOW", "GLOBAL", "GROUP", "NODELETE", "LOADFLTR", "INITFIRST", "NOOPEN",
        "ORIGIN", "DIRECT", "TRANS", "INTERPOSE", "NODEFLIB", "NODUMP", "CONFALT", "ENDFILTEE", "DISPRELDNE",
        "DISPRELPND", "NODIRECT", "IGNMULDEF", "NOKSYMS", "NOHDR", "EDITED", "NORELOC", "SYMINTPOSE", "GLOBAUDIT",
        "SINGLETON", "STUB", "PIE", "KMOD", "WEAKFILTER", "NOCOMMON"};

    /** {@code DT_FLAGS} bit names, lowest bit first. */
    private static final String[] FLAGS = {"ORIGIN", "SYMBOLIC", "TEXTREL", "BIND_NOW", "STATIC_TLS"};

    private final ElfFile file;
    private final Optional<DynamicSection> dynamic;

    DynamicDump(ElfFile file, Optional<DynamicSection> dynamic) {
        this.file = file;
        this.dynamic = dynamic;
    }

    void appendTo(Sink out) {
        if (dynamic.isEmpty()) {
            out.append("\nThere is no dynamic section in this file.\n");
            return;
        }
        DynamicSection d = dynamic.get();
        int n = d.entries().size();
        out.append("\nDynamic section at offset 0x").append(Long.toHexString(d.offset())).append(" contains ")
                .append(n).append(n == 1 ? " entry:\n" : " entries:\n");
        out.append("  Tag        Type                         Name/Value\n");
        boolean is64 = file.is64();
        for (DynamicEntry e : d.entries()) {
            String type = tagName(e.tag());
            out.append(" 0x").append(Text.hex(e.tag(), is64 ? 16 : 8)).append(" (").append(type).append(')')
                    .append(" ".repeat(Math.max(1, Math.abs((is64 ? 19 : 27) - type.length()))));
            out.append(value(d, e)).append('\n');
        }
    }

    private String tagName(long tag) {
        long unsigned = file.is64() ? tag : tag & 0xffffffffL;
        String name = TAGS.get(unsigned);
        if (name != null) {
            return name;
        }
        String hex = Long.toHexString(unsigned);
        if (unsigned >= 0x70000000L && unsigned <= 0x7fffffffL) {
            return machineTag(unsigned).orElse("Processor Specific: " + hex);
        }
        if (unsigned >= 0x6000000dL && unsigned <= 0x6ffff000L) {
            return "Operating System specific: " + hex;
        }
        return "<unknown>: " + hex;
    }

    private Optional<String> machineTag(long tag) {
        int machine = file.header().machine();
        if (machine == Elf.EM_PPC64) {
            return Optional.ofNullable(Map.of(0x70000000L, "PPC64_GLINK", 0x70000001L, "PPC64_OPD", 0x70000002L,
                    "PPC64_OPDSZ", 0x70000003L, "PPC64_OPT").get(tag));
        }
        if (machine == Elf.EM_PPC) {
            return Optional.ofNullable(Map.of(0x70000000L, "PPC_GOT", 0x70000001L, "PPC_OPT").get(tag));
        }
        if (machine == Elf.EM_AARCH64) {
            return Optional.ofNullable(Map.of(0x70000001L, "AARCH64_BTI_PLT", 0x70000003L, "AARCH64_PAC_PLT",
                    0x70000005L, "AARCH64_VARIANT_PCS").get(tag));
        }
        return Optional.empty();
    }

    private String value(DynamicSection d, DynamicEntry e) {
        long tag = file.is64() ? e.tag() : e.tag() & 0xffffffffL;
        long v = e.value();
        String hex = "0x" + Long.toHexString(v);
        return switch ((int) tag) {
            case 1 -> d.string(v).map(s -> "Shared library: [" + s + "]").orElse(hex);
            case 14 -> d.string(v).map(s -> "Library soname: [" + s + "]").orElse(hex);
            case 15 -> d.string(v).map(s -> "Library rpath: [" + s + "]").orElse(hex);
            case 29 -> d.string(v).map(s -> "Library runpath: [" + s + "]").orElse(hex);
            case 0x7ffffffd -> d.string(v).map(s -> "Auxiliary library: [" + s + "]").orElse(hex);
            case 0x7fffffff -> d.string(v).map(s -> "Filter library: [" + s + "]").orElse(hex);
            case 0x6ffffefa -> d.string(v).map(s -> "Configuration file: [" + s + "]").orElse(hex);
            case 0x6ffffefb -> d.string(v).map(s -> "Dependency audit library: [" + s + "]").orElse(hex);
            case 0x6ffffefc -> d.string(v).map(s -> "Audit library: [" + s + "]").orElse(hex);
            case 0x7ffffffe -> d.string(v).map(s -> "Not needed object: [" + s + "]").orElse(hex);
            case 2, 8, 9, 10, 11, 18, 19, 27, 28, 33, 35, 37, 0x6ffffdf9, 0x6ffffdfa, 0x6ffffdfb, 0x6ffffdf6,
                    0x6ffffdf7 -> Long.toUnsignedString(v) + " (bytes)";
            case 0x6ffffffd, 0x6fffffff, 0x6ffffff9, 0x6ffffffa -> Long.toUnsignedString(v);
            case 20 -> tagName(v);
            case 24 -> "";
            case 30 -> flags(v);
            case 0x6ffffffb -> flags1(v);
            default -> hex;
        };
    }

    private static String flags(long value) {
        StringBuilder s = new StringBuilder();
        long rest = value;
        while (rest != 0) {
            long bit = rest & -rest;
            rest &= ~bit;
            if (s.length() > 0) {
                s.append(' ');
            }
            int n = Long.numberOfTrailingZeros(bit);
            s.append(n < FLAGS.length ? FLAGS[n] : "unknown");
        }
        return s.toString();
    }

    private static String flags1(long value) {
        if (value == 0) {
            return "Flags: None";
        }
        StringBuilder s = new StringBuilder("Flags:");
        long rest = value;
        for (int n = 0; n < FLAGS_1.length; n++) {
            if ((rest & 1L << n) != 0) {
                s.append(' ').append(FLAGS_1[n]);
                rest &= ~(1L << n);
            }
        }
        if (rest != 0) {
            s.append(' ').append(Long.toHexString(rest));
        }
        return s.toString();
    }
}
