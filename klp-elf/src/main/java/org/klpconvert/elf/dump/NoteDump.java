package org.klpconvert.elf.dump;

import java.nio.ByteBuffer;

import org.klpconvert.elf.Elf;
import org.klpconvert.elf.ElfFile;
import org.klpconvert.elf.ElfFormatException;
import org.klpconvert.elf.note.Note;
import org.klpconvert.elf.note.NoteArea;
import org.klpconvert.elf.note.Notes;

/** The {@code -n} part: every note, decoded where readelf decodes it. */
final class NoteDump {
    private static final long NT_GNU_BUILD_ATTRIBUTE_OPEN = 0x100;
    private static final long NT_GNU_BUILD_ATTRIBUTE_FUNC = 0x101;
    private static final long NT_STAPSDT = 3;
    private static final long NT_GO_BUILDID = 4;
    private static final long FDO_PACKAGING_METADATA = 0xcafe1a7eL;
    private static final String[] ABI_OS = {"Linux", "Hurd", "Solaris", "FreeBSD", "NetBSD", "Syllable", "NaCl"};

    private final ElfFile file;

    NoteDump(ElfFile file) {
        this.file = file;
    }

    void appendTo(Sink out) throws ElfFormatException {
        for (NoteArea area : Notes.areas(file)) {
            if (area.size() == 0) {
                continue;
            }
            if (area.section().isPresent()) {
                out.append("\nDisplaying notes found in: ").append(Text.printable(area.section().get().name()))
                        .append('\n');
            } else {
                out.append("\nDisplaying notes found at file offset 0x").append(Text.hex(area.offset(), 8))
                        .append(" with length 0x").append(Text.hex(area.size(), 8)).append(":\n");
            }
            if (area.alignment() == 0) {
                continue;
            }
            out.append("  Owner                Data size \tDescription\n");
            for (Note n : area.notes()) {
                appendNote(out, n);
            }
        }
    }

    private void appendNote(Sink out, Note n) {
        out.append("  ").append(Text.pad(Text.printable(n.name()), 20, true)).append(" 0x")
                .append(Text.hex(n.descriptorSize(), 8)).append('\t').append(typeName(n)).append('\t');
        String decoded = n.name().equals("GNU") ? gnu(n)
                : n.name().equals("stapsdt") && n.type() == NT_STAPSDT ? stapsdt(n)
                : n.name().equals("FDO") && n.type() == FDO_PACKAGING_METADATA ? fdo(n) : null;
        if (decoded != null) {
            out.append(decoded);
            return;
        }
        if (n.descriptorSize() > 0) {
            out.append("   description data: ");
            for (int i = 0; i < n.descriptorSize(); i++) {
                out.append(Text.hex(n.descriptorByte(i), 2)).append(' ');
            }
        }
        out.append('\n');
    }

    private String typeName(Note n) {
        long type = n.type();
        String name = n.name();
        if (name.startsWith("GNU")) {
            return switch ((int) type) {
                case 1 -> "NT_GNU_ABI_TAG (ABI version tag)";
                case 2 -> "NT_GNU_HWCAP (DSO-supplied software HWCAP info)";
                case 3 -> "NT_GNU_BUILD_ID (unique build ID bitstring)";
                case 4 -> "NT_GNU_GOLD_VERSION (gold version)";
                case 5 -> "NT_GNU_PROPERTY_TYPE_0";
                case 0x100 -> "NT_GNU_BUILD_ATTRIBUTE_OPEN";
                case 0x101 -> "NT_GNU_BUILD_ATTRIBUTE_FUNC";
                default -> unknownType(type);
            };
        }
        if (name.startsWith("stapsdt")) {
            return type == NT_STAPSDT ? "NT_STAPSDT (SystemTap probe descriptors)" : unknownType(type);
        }
        if (name.startsWith("FDO")) {
            return type == FDO_PACKAGING_METADATA ? "FDO_PACKAGING_METADATA" : unknownType(type);
        }
        return switch ((int) type) {
            case 1 -> "NT_VERSION (version)";
            case 2 -> "NT_ARCH (architecture)";
            case (int) NT_GO_BUILDID -> "GO BUILDID";
            case (int) NT_GNU_BUILD_ATTRIBUTE_OPEN -> "OPEN";
            case (int) NT_GNU_BUILD_ATTRIBUTE_FUNC -> "func";
            default -> unknownType(type);
        };
    }

    private static String unknownType(long type) {
        return "Unknown note type: (0x" + Text.hex(type, 8) + ")";
    }

    /** GNU notes readelf decodes, or null for those shown as description data. */
    private String gnu(Note n) {
        ByteBuffer d = n.descriptor();
        int size = n.descriptorSize();
        switch ((int) n.type()) {
            case 3 -> {
                StringBuilder s = new StringBuilder("    Build ID: ");
                for (int i = 0; i < size; i++) {
                    s.append(Text.hex(n.descriptorByte(i), 2));
                }
                return s.append('\n').toString();
            }
            case 1 -> {
                if (size < 16) {
                    return "    <corrupt GNU_ABI_TAG>\n";
                }
                long os = d.getInt(0) & 0xffffffffL;
                String osName = os < ABI_OS.length ? ABI_OS[(int) os] : "Unknown";
                return "    OS: " + osName + ", ABI: " + (d.getInt(4) & 0xffffffffL) + "." + (d.getInt(8) & 0xffffffffL)
                        + "." + (d.getInt(12) & 0xffffffffL) + "\n";
            }
            case 4 -> {
                StringBuilder s = new StringBuilder("    Version: ");
                for (int i = 0; i < size && d.get(i) != 0; i++) {
                    s.append((char) (d.get(i) & 0xff));
                }
                return s.append('\n').toString();
            }
            case 5 -> {
                return properties(n);
            }
            default -> {
                return null;
            }
        }
    }

    private String properties(Note n) {
        ByteBuffer d = n.descriptor();
        int size = file.is64() ? 8 : 4;
        StringBuilder s = new StringBuilder("      Properties: ");
        int end = n.descriptorSize();
        if (end < 8 || end % size != 0) {
            return s.append("<corrupt GNU_PROPERTY_TYPE, size = 0x").append(Long.toHexString(end)).append(">\n")
                    .toString();
        }
        int at = 0;
        while (at < end) {
            if (end - at < 8) {
                s.append("<corrupt descsz: 0x").append(Integer.toHexString(end)).append(">\n");
                return s.toString();
            }
            long type = d.getInt(at) & 0xffffffffL;
            long datasz = d.getInt(at + 4) & 0xffffffffL;
            at += 8;
            if (datasz > end - at) {
                s.append("<corrupt type (0x").append(Long.toHexString(type)).append(") datasz: 0x")
                        .append(Long.toHexString(datasz)).append(">\n");
                return s.toString();
            }
            String decoded = property(type, d, at, (int) datasz);
            if (decoded != null) {
                s.append(decoded);
            } else {
                s.append(type < 0xc0000000L ? "<unknown type 0x" : type < 0xe0000000L ? "<processor-specific type 0x"
                        : "<application-specific type 0x").append(Long.toHexString(type)).append(" data: ");
                for (int j = 0; j < datasz; j++) {
                    s.append(Text.hex(d.get(at + j) & 0xff, 2)).append(' ');
                }
                s.append('>');
            }
            at += (int) ((datasz + size - 1) & -size);
            if (at >= end) {
                break;
            }
            s.append(", ");
        }
        return s.append('\n').toString();
    }

    /** One property readelf decodes, or null. */
    private String property(long type, ByteBuffer d, int at, int datasz) {
        int machine = file.header().machine();
        if (type == 1) {
            return datasz != (file.is64() ? 8 : 4) ? "stack size: <corrupt length: 0x" + Integer.toHexString(datasz) + "> "
                    : "stack size: 0x" + Long.toHexString(file.is64() ? d.getLong(at) : d.getInt(at) & 0xffffffffL);
        }
        if (type == 2) {
            return datasz != 0 ? "no copy on protected <corrupt length: 0x" + Integer.toHexString(datasz) + "> "
                    : "no copy on protected ";
        }
        if (machine == Elf.EM_X86_64 || machine == EM_386) {
            String label = switch ((int) type) {
                case 0xc0010002 -> "x86 ISA used: ";
                case 0xc0008002 -> "x86 ISA needed: ";
                case 0xc0000002 -> "x86 feature: ";
                case 0xc0010001 -> "x86 feature used: ";
                case 0xc0008001 -> "x86 feature needed: ";
                default -> null;
            };
            if (label == null) {
                return null;
            }
            if (datasz != 4) {
                return label + "<corrupt length: 0x" + Integer.toHexString(datasz) + "> ";
            }
            long bits = d.getInt(at) & 0xffffffffL;
            String[] names = switch ((int) type) {
                case 0xc0010002, 0xc0008002 -> X86_ISA;
                case 0xc0000002 -> X86_FEATURE_1;
                default -> X86_FEATURE_2;
            };
            return label + bitNames(bits, names);
        }
        if (machine == Elf.EM_AARCH64 && type == 0xc0000000L) {
            if (datasz != 4) {
                return "AArch64 feature: <corrupt length: 0x" + Integer.toHexString(datasz) + "> ";
            }
            return "AArch64 feature: " + bitNames(d.getInt(at) & 0xffffffffL, new String[] {"BTI", "PAC"});
        }
        return null;
    }

    private static final int EM_386 = 3;
    private static final String[] X86_ISA = {"x86-64-baseline", "x86-64-v2", "x86-64-v3", "x86-64-v4"};
    private static final String[] X86_FEATURE_1 = {"IBT", "SHSTK", "LAM_U48", "LAM_U57"};
    private static final String[] X86_FEATURE_2 = {"x86", "x87", "MMX", "XMM", "YMM", "ZMM", "FXSR", "XSAVE",
        "XSAVEOPT", "XSAVEC", "TMM", "MASK"};

    private static String bitNames(long bits, String[] names) {
        if (bits == 0) {
            return "<None>";
        }
        StringBuilder s = new StringBuilder();
        long rest = bits;
        while (rest != 0) {
            long bit = rest & -rest;
            rest &= ~bit;
            int n = Long.numberOfTrailingZeros(bit);
            s.append(n < names.length ? names[n] : "<unknown: " + Long.toHexString(bit) + ">");
            if (rest != 0) {
                s.append(", ");
            }
        }
        return s.toString();
    }

    private String stapsdt(Note n) {
        ByteBuffer d = n.descriptor();
        int addressSize = file.is64() ? 8 : 4;
        int size = n.descriptorSize();
        if (size < 3 * addressSize) {
            return null;
        }
        long pc = address(d, 0);
        long base = address(d, addressSize);
        long semaphore = address(d, 2 * addressSize);
        int at = 3 * addressSize;
        String[] strings = new String[3];
        for (int k = 0; k < 3; k++) {
            StringBuilder s = new StringBuilder();
            while (at < size && d.get(at) != 0) {
                s.append((char) (d.get(at) & 0xff));
                at++;
            }
            if (at >= size) {
                return "    <corrupt - note is too small>\n";
            }
            at++;
            strings[k] = s.toString();
        }
        String width = file.is64() ? "16" : "8";
        return "    Provider: " + strings[0] + "\n    Name: " + strings[1] + "\n    Location: " + fullHex(pc, width)
                + ", Base: " + fullHex(base, width) + ", Semaphore: " + fullHex(semaphore, width)
                + "\n    Arguments: " + strings[2] + "\n";
    }

    private long address(ByteBuffer d, int at) {
        return file.is64() ? d.getLong(at) : d.getInt(at) & 0xffffffffL;
    }

    private static String fullHex(long value, String width) {
        return "0x" + Text.hex(value, Integer.parseInt(width));
    }

    private static String fdo(Note n) {
        ByteBuffer d = n.descriptor();
        StringBuilder s = new StringBuilder("    Packaging Metadata: ");
        for (int i = 0; i < n.descriptorSize() && d.get(i) != 0; i++) {
            s.append((char) (d.get(i) & 0xff));
        }
        return s.append('\n').toString();
    }
}
