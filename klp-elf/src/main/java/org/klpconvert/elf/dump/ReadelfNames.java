package org.klpconvert.elf.dump;

import java.util.Map;
import java.util.Optional;

import org.klpconvert.elf.Elf;
import org.klpconvert.elf.reloc.Machine;

/** readelf 2.40's names for header, section and symbol field values. */
public final class ReadelfNames {
    private ReadelfNames() {
    }

    private static final int ELFOSABI_NONE = 0;
    private static final int ELFOSABI_GNU = 3;
    private static final int ELFOSABI_FREEBSD = 9;

    private static final Map<Integer, String> OS_ABIS = Map.ofEntries(
            Map.entry(0, "UNIX - System V"), Map.entry(1, "UNIX - HP-UX"), Map.entry(2, "UNIX - NetBSD"),
            Map.entry(3, "UNIX - GNU"), Map.entry(6, "UNIX - Solaris"), Map.entry(7, "UNIX - AIX"),
            Map.entry(8, "UNIX - IRIX"), Map.entry(9, "UNIX - FreeBSD"), Map.entry(10, "UNIX - TRU64"),
            Map.entry(11, "Novell - Modesto"), Map.entry(12, "UNIX - OpenBSD"), Map.entry(13, "VMS - OpenVMS"),
            Map.entry(14, "HP - Non-Stop Kernel"), Map.entry(15, "AROS"), Map.entry(16, "FenixOS"),
            Map.entry(17, "Nuxi CloudABI"), Map.entry(18, "Stratus Technologies OpenVOS"));

    private static final Map<Integer, String> SECTION_TYPES = Map.ofEntries(
            Map.entry(0, "NULL"), Map.entry(1, "PROGBITS"), Map.entry(2, "SYMTAB"), Map.entry(3, "STRTAB"),
            Map.entry(4, "RELA"), Map.entry(5, "HASH"), Map.entry(6, "DYNAMIC"), Map.entry(7, "NOTE"),
            Map.entry(8, "NOBITS"), Map.entry(9, "REL"), Map.entry(10, "SHLIB"), Map.entry(11, "DYNSYM"),
            Map.entry(14, "INIT_ARRAY"), Map.entry(15, "FINI_ARRAY"), Map.entry(16, "PREINIT_ARRAY"),
            Map.entry(17, "GROUP"), Map.entry(18, "SYMTAB SECTION INDICES"), Map.entry(19, "RELR"),
            Map.entry(0x6fff4700, "GNU_INCREMENTAL_INPUTS"), Map.entry(0x6ffffff0, "VERSYM"),
            Map.entry(0x6ffffff5, "GNU_ATTRIBUTES"), Map.entry(0x6ffffff6, "GNU_HASH"),
            Map.entry(0x6ffffff7, "GNU_LIBLIST"), Map.entry(0x6ffffffc, "VERDEF"), Map.entry(0x6ffffffd, "VERDEF"),
            Map.entry(0x6ffffffe, "VERNEED"), Map.entry(0x6fffffff, "VERSYM"), Map.entry(0x7ffffffd, "AUXILIARY"),
            Map.entry(0x7fffffff, "FILTER"));

    private static final Map<Long, String> SEGMENT_TYPES = Map.ofEntries(
            Map.entry(0L, "NULL"), Map.entry(1L, "LOAD"), Map.entry(2L, "DYNAMIC"), Map.entry(3L, "INTERP"),
            Map.entry(4L, "NOTE"), Map.entry(5L, "SHLIB"), Map.entry(6L, "PHDR"), Map.entry(7L, "TLS"),
            Map.entry(0x6474e550L, "GNU_EH_FRAME"), Map.entry(0x6474e551L, "GNU_STACK"),
            Map.entry(0x6474e552L, "GNU_RELRO"), Map.entry(0x6474e553L, "GNU_PROPERTY"),
            Map.entry(0x6474e554L, "GNU_SFRAME"), Map.entry(0x65a3dbe6L, "OPENBSD_RANDOMIZE"),
            Map.entry(0x65a3dbe7L, "OPENBSD_WXNEEDED"), Map.entry(0x65a41be6L, "OPENBSD_BOOTDATA"));

    /** readelf's name for a program header type. */
    static String segmentType(long type, int eMachine) {
        String name = SEGMENT_TYPES.get(type);
        if (name != null) {
            return name;
        }
        if (type >= 0x6474e555L && type <= 0x6474f554L) {
            return "GNU_MBIND+" + Text.alternateHex(type - 0x6474e555L);
        }
        if (eMachine == Elf.EM_S390 && type == 0x70000000L) {
            return "S390_PGSTE";
        }
        if (eMachine == Elf.EM_AARCH64 && type == 0x70000002L) {
            return "AARCH64_MEMTAG_MTE";
        }
        if (type >= 0x70000000L && type <= 0x7fffffffL) {
            return "LOPROC+" + Text.alternateHex(type - 0x70000000L);
        }
        if (type >= 0x60000000L && type <= 0x6fffffffL) {
            return "LOOS+" + Text.alternateHex(type - 0x60000000L);
        }
        return "<unknown>: " + Long.toHexString(type);
    }

    static String osAbi(int osAbi) {
        String name = OS_ABIS.get(osAbi);
        return name != null ? name : "<unknown: " + Integer.toHexString(osAbi) + ">";
    }

    static String fileType(int type) {
        return switch (type) {
            case 0 -> "NONE (None)";
            case 1 -> "REL (Relocatable file)";
            case 2 -> "EXEC (Executable file)";
            case 3 -> "DYN (Shared object file)";
            case 4 -> "CORE (Core file)";
            default -> type >= 0xff00 ? "Processor Specific: (" + Integer.toHexString(type) + ")"
                    : type >= 0xfe00 ? "OS Specific: (" + Integer.toHexString(type) + ")"
                    : "<unknown>: " + Integer.toHexString(type);
        };
    }

    /** readelf's names of machines outside {@link Machine} that Linux systems carry objects for. */
    private static final Map<Integer, String> OTHER_MACHINES = Map.ofEntries(
            Map.entry(0, "None"), Map.entry(2, "Sparc"), Map.entry(3, "Intel 80386"), Map.entry(6, "Intel MCU"),
            Map.entry(8, "MIPS R3000"), Map.entry(40, "ARM"), Map.entry(42, "Renesas / SuperH SH"),
            Map.entry(43, "Sparc v9"), Map.entry(50, "Intel IA-64"), Map.entry(243, "RISC-V"),
            Map.entry(247, "Linux BPF"), Map.entry(258, "LoongArch"));

    /** i386 relocation type names (readelf's), by type; the gaps have none. */
    private static final String[] I386_RELOCATIONS = {"R_386_NONE", "R_386_32", "R_386_PC32", "R_386_GOT32",
        "R_386_PLT32", "R_386_COPY", "R_386_GLOB_DAT", "R_386_JUMP_SLOT", "R_386_RELATIVE", "R_386_GOTOFF",
        "R_386_GOTPC", "R_386_32PLT", null, null, "R_386_TLS_TPOFF", "R_386_TLS_IE", "R_386_TLS_GOTIE",
        "R_386_TLS_LE", "R_386_TLS_GD", "R_386_TLS_LDM", "R_386_16", "R_386_PC16", "R_386_8", "R_386_PC8",
        "R_386_TLS_GD_32", "R_386_TLS_GD_PUSH", "R_386_TLS_GD_CALL", "R_386_TLS_GD_POP", "R_386_TLS_LDM_32",
        "R_386_TLS_LDM_PUSH", "R_386_TLS_LDM_CALL", "R_386_TLS_LDM_POP", "R_386_TLS_LDO_32", "R_386_TLS_IE_32",
        "R_386_TLS_LE_32", "R_386_TLS_DTPMOD32", "R_386_TLS_DTPOFF32", "R_386_TLS_TPOFF32", "R_386_SIZE32",
        "R_386_TLS_GOTDESC", "R_386_TLS_DESC_CALL", "R_386_TLS_DESC", "R_386_IRELATIVE", "R_386_GOT32X"};

    /**
     * {@return readelf's name of an {@code e_machine} value, e.g. {@code Advanced Micro Devices X86-64}}
     *
     * @param eMachine the {@code e_machine} value
     */
    public static String machine(int eMachine) {
        return Machine.of(eMachine).map(Machine::readelfName).or(() -> Optional.ofNullable(OTHER_MACHINES.get(eMachine)))
                .orElse("<unknown>: 0x" + Integer.toHexString(eMachine));
    }

    /**
     * readelf's name of a relocation type: the five machines' from their enums, i386's (the
     * 32-bit compatibility objects of x86-64 systems) from a table, none for other machines.
     */
    static Optional<String> relocationName(int eMachine, int type) {
        if (eMachine == EM_386) {
            return type >= 0 && type < I386_RELOCATIONS.length ? Optional.ofNullable(I386_RELOCATIONS[type])
                    : Optional.empty();
        }
        return Machine.relocationType(eMachine, type).map(t -> t.readelfName());
    }

    private static final int EM_386 = 3;

    /** The decoded {@code e_flags} readelf appends after the hex value. */
    static String machineFlags(int eMachine, long flags) {
        StringBuilder s = new StringBuilder();
        switch (eMachine) {
            case Elf.EM_PPC64 -> {
                if ((flags & 3) != 0) {
                    s.append(", abiv").append(flags & 3);
                }
            }
            case Elf.EM_PPC -> {
                if ((flags & 0x80000000L) != 0) {
                    s.append(", emb");
                }
                if ((flags & 0x00010000L) != 0) {
                    s.append(", relocatable");
                }
                if ((flags & 0x00008000L) != 0) {
                    s.append(", relocatable-lib");
                }
            }
            case Elf.EM_S390 -> {
                if ((flags & 1) != 0) {
                    s.append(", highgprs");
                }
            }
            default -> {
                // x86-64 and AArch64 define no e_flags bits that readelf decodes.
            }
        }
        return s.toString();
    }

    /**
     * {@return readelf's name of a section type, e.g. {@code PROGBITS}}
     *
     * @param type the {@code sh_type} value
     * @param eMachine the {@code e_machine} value, for processor-specific types
     */
    public static String sectionType(long type, int eMachine) {
        String name = SECTION_TYPES.get((int) type);
        if (name != null) {
            return name;
        }
        if (eMachine == Elf.EM_X86_64 && type == 0x70000001L) {
            return "X86_64_UNWIND";
        }
        if (eMachine == Elf.EM_AARCH64 && type == 0x70000003L) {
            return "AARCH64_ATTRIBUTES";
        }
        if (type >= 0x70000000L && type <= 0x7fffffffL) {
            return "LOPROC+0x" + Long.toHexString(type - 0x70000000L);
        }
        if (type >= 0x60000000L && type <= 0x6fffffffL) {
            return "LOOS+0x" + Long.toHexString(type - 0x60000000L);
        }
        if (type >= 0x80000000L && type <= 0xffffffffL) {
            return "LOUSER+0x" + Long.toHexString(type - 0x80000000L);
        }
        return Text.hex(type, 8) + ": <unknown>";
    }

    /**
     * The {@code Flg} letters, lowest bit first. One {@code o} stands for all OS-specific bits
     * and one {@code p} for all remaining processor-specific bits, as readelf prints them.
     */
    static String sectionFlags(long flags, int eMachine, int osAbi) {
        StringBuilder s = new StringBuilder();
        long rest = flags;
        while (rest != 0) {
            long bit = rest & -rest;
            rest &= ~bit;
            String letter = switch ((int) Long.numberOfTrailingZeros(bit)) {
                case 0 -> "W";
                case 1 -> "A";
                case 2 -> "X";
                case 4 -> "M";
                case 5 -> "S";
                case 6 -> "I";
                case 7 -> "L";
                case 8 -> "O";
                case 9 -> "G";
                case 10 -> "T";
                case 11 -> "C";
                case 31 -> "E";
                default -> null;
            };
            if (letter == null) {
                if (eMachine == Elf.EM_X86_64 && bit == 0x10000000L) {
                    letter = "l";
                } else if (eMachine == Elf.EM_PPC && bit == 0x10000000L) {
                    letter = "v";
                } else if ((bit & 0x0ff00000L) != 0) {
                    letter = osFlagLetter(bit, osAbi);
                    if (letter.equals("o")) {
                        rest &= ~0x0ff00000L;
                    }
                } else if ((bit & 0xf0000000L) != 0) {
                    letter = "p";
                    rest &= ~0xf0000000L;
                } else {
                    letter = "x";
                }
            }
            s.append(letter);
        }
        return s.toString();
    }

    private static String osFlagLetter(long bit, int osAbi) {
        boolean gnu = osAbi == ELFOSABI_GNU || osAbi == ELFOSABI_FREEBSD;
        if (gnu && bit == 0x00200000L) {
            return "R"; // SHF_GNU_RETAIN
        }
        if ((gnu || osAbi == ELFOSABI_NONE) && bit == 0x01000000L) {
            return "D"; // SHF_GNU_MBIND
        }
        return "o";
    }

    /** The machine- and OS-dependent last line of the "Key to Flags" legend. */
    static String flagKeyTail(int eMachine, int osAbi) {
        StringBuilder s = new StringBuilder("  ");
        if (osAbi == ELFOSABI_GNU || osAbi == ELFOSABI_FREEBSD) {
            s.append("R (retain), ");
        }
        if (osAbi == ELFOSABI_GNU || osAbi == ELFOSABI_FREEBSD || osAbi == ELFOSABI_NONE) {
            s.append("D (mbind), ");
        }
        if (eMachine == Elf.EM_X86_64) {
            s.append("l (large), ");
        } else if (eMachine == Elf.EM_PPC) {
            s.append("v (VLE), ");
        }
        return s.append("p (processor specific)").toString();
    }

    /**
     * {@return readelf's name of a symbol type, e.g. {@code FUNC}}
     *
     * @param type the symbol type
     * @param osAbi the {@code EI_OSABI} value, for OS-specific types
     */
    public static String symbolType(int type, int osAbi) {
        return switch (type) {
            case 0 -> "NOTYPE";
            case 1 -> "OBJECT";
            case 2 -> "FUNC";
            case 3 -> "SECTION";
            case 4 -> "FILE";
            case 5 -> "COMMON";
            case 6 -> "TLS";
            case 8 -> "RELC";
            case 9 -> "SRELC";
            default -> {
                if (type == 10 && (osAbi == ELFOSABI_GNU || osAbi == ELFOSABI_FREEBSD)) {
                    yield "IFUNC";
                }
                yield type >= 13 ? "<processor specific>: " + type
                        : type >= 10 ? "<OS specific>: " + type : "<unknown>: " + type;
            }
        };
    }

    /**
     * {@return readelf's name of a symbol binding, e.g. {@code GLOBAL}}
     *
     * @param bind the symbol binding
     * @param osAbi the {@code EI_OSABI} value, for OS-specific bindings
     */
    public static String symbolBinding(int bind, int osAbi) {
        return switch (bind) {
            case 0 -> "LOCAL";
            case 1 -> "GLOBAL";
            case 2 -> "WEAK";
            default -> {
                if (bind == 10 && (osAbi == ELFOSABI_GNU || osAbi == ELFOSABI_FREEBSD)) {
                    yield "UNIQUE";
                }
                yield bind >= 13 ? "<processor specific>: " + bind
                        : bind >= 10 ? "<OS specific>: " + bind : "<unknown>: " + bind;
            }
        };
    }

    static String visibility(int other) {
        return switch (other & 3) {
            case 0 -> "DEFAULT";
            case 1 -> "INTERNAL";
            case 2 -> "HIDDEN";
            default -> "PROTECTED";
        };
    }

    /** What readelf prints in brackets for {@code st_other} bits beyond the visibility. */
    static String symbolOther(int eMachine, int bits) {
        if (eMachine == Elf.EM_PPC64 && (bits & ~0xe0) == 0 && bits >>> 5 <= 6) {
            int code = bits >>> 5;
            // ELFv2 local entry: codes 2..6 encode an offset of (1 << code) >> 2 words.
            int offset = code >= 2 ? (1 << code) >> 2 << 2 : code;
            return "<localentry>: " + offset;
        }
        if (eMachine == Elf.EM_AARCH64 && (bits & 0x80) != 0) {
            int rest = bits & ~0x80;
            return rest == 0 ? "VARIANT_PCS" : "VARIANT_PCS | " + Integer.toHexString(rest);
        }
        return "<other>: " + Integer.toHexString(bits);
    }

    /** The {@code Ndx} column for a section index already resolved through SHN_XINDEX. */
    static String symbolIndex(long index, boolean special, int eMachine, int sectionCount) {
        if (!special) {
            if (index == 0) {
                return "UND";
            }
            String number = Text.pad(Long.toString(index), 3, false);
            return sectionCount != 0 && index >= sectionCount ? "bad section index[" + number + "]" : number;
        }
        int v = (int) index;
        if (v == Elf.SHN_ABS) {
            return "ABS";
        }
        if (v == Elf.SHN_COMMON) {
            return "COM";
        }
        if (eMachine == Elf.EM_X86_64 && v == 0xff02) {
            return "LARGE_COM";
        }
        String hex = Text.hex(v, 4);
        if (v <= 0xff1f) {
            return "PRC[0x" + hex + "]";
        }
        if (v <= 0xff3f) {
            return "OS [0x" + hex + "]";
        }
        return "RSV[0x" + hex + "]";
    }
}
