package org.klpconvert.convert.verify;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Optional;

import org.klpconvert.elf.Elf;
import org.klpconvert.elf.ElfFile;
import org.klpconvert.elf.ElfFormatException;
import org.klpconvert.elf.ElfHeader;
import org.klpconvert.elf.ElfRelocation;
import org.klpconvert.elf.ElfSymbol;
import org.klpconvert.elf.SectionHeader;
import org.klpconvert.elf.kmod.ModuleInfo;
import org.klpconvert.elf.reloc.Machine;
import org.klpconvert.elf.reloc.RelocationType;

/**
 * KM1-KM10: what the module loader requires of any module (kernel-rules.md section 2). What
 * {@link ElfFile} already refuses to read (sections outside the file, names out of range) is
 * malformed input rather than a finding.
 */
final class ModuleRules implements RuleFamily {
    private static final String MODINFO = ".modinfo";
    private static final String THIS_MODULE = ".gnu.linkonce.this_module";

    /** The class, byte order and machine pairs of the five supported arches (KM1). */
    private record Arch(String name, int elfClass, int encoding, int machine) {
    }

    private static final List<Arch> ARCHES = List.of(
            new Arch("x86_64", Elf.ELFCLASS64, Elf.ELFDATA2LSB, Elf.EM_X86_64),
            new Arch("ppc64le", Elf.ELFCLASS64, Elf.ELFDATA2LSB, Elf.EM_PPC64),
            new Arch("ppc32", Elf.ELFCLASS32, Elf.ELFDATA2MSB, Elf.EM_PPC),
            new Arch("s390x", Elf.ELFCLASS64, Elf.ELFDATA2MSB, Elf.EM_S390),
            new Arch("arm64", Elf.ELFCLASS64, Elf.ELFDATA2LSB, Elf.EM_AARCH64));

    @Override
    public void check(Context c) throws ElfFormatException {
        km1ElfSanity(c);
        km2OneSymbolTable(c);
        km3LivepatchModinfo(c);
        km4ThisModule(c);
        km5Ppc64Abi(c);
        km6NoCommonSymbols(c);
        km7LocalsFirst(c);
        km8ArchSections(c);
    }

    /**
     * The loader compares vermagic with its own: whole without modversions (a different release
     * is refused), from the second word on with them (the CRCs of {@code __versions} decide).
     * Only with a target release, so not part of {@link #check}.
     */
    static void km9KernelRelease(ModuleView module, String release, Report report) throws ElfFormatException {
        ModuleInfo info = ModuleInfo.of(module.file);
        Optional<String> mismatch = info.releaseMismatch(release);
        if (mismatch.isEmpty()) {
            return;
        }
        String vermagic = info.vermagic().orElse("");
        if (info.versions().isEmpty()) {
            report.add(Rule.KM9, MODINFO, mismatch.get(), module.moduleName() + ": version magic '" + vermagic
                    + "' should be '" + release + vermagic.substring(vermagic.indexOf(' ') < 0 ? vermagic.length()
                    : vermagic.indexOf(' ')) + "'");
        } else {
            report.add(Rule.KM10, MODINFO, mismatch.get()
                    + " (modversions: the kernel compares the __versions CRCs instead)");
        }
    }

    private static void km1ElfSanity(Context c) {
        ElfFile f = c.module().file;
        ElfHeader h = f.header();
        if (h.type() != Elf.ET_REL) {
            c.report().add(Rule.KM1, "ELF header", "e_type is " + h.type() + ", not ET_REL (1)");
        }
        boolean supported = ARCHES.stream().anyMatch(a -> a.elfClass() == h.elfClass()
                && a.encoding() == h.dataEncoding() && a.machine() == h.machine());
        if (!supported) {
            c.report().add(Rule.KM1, "ELF header", "class " + (h.is64() ? "ELF64" : "ELF32") + ", "
                    + (h.dataEncoding() == Elf.ELFDATA2MSB ? "big" : "little") + " endian, e_machine "
                    + h.machine() + " is none of x86_64, ppc64le, ppc32, s390x, arm64");
        }
        int shentsize = h.is64() ? 64 : 40;
        if (h.shentsize() != shentsize) {
            c.report().add(Rule.KM1, "ELF header", "e_shentsize is " + h.shentsize() + ", not " + shentsize);
        }
        if (f.sections().isEmpty()) {
            c.report().add(Rule.KM1, "ELF header", "the module has no section header table");
            return;
        }
        SectionHeader zero = f.section(0);
        if (zero.type() != Elf.SHT_NULL || zero.flags() != 0 || zero.nameOffset() != 0 || zero.offset() != 0
                || zero.addr() != 0) {
            c.report().add(Rule.KM1, ModuleView.place(zero), "section 0 is not a null section");
        }
        for (SectionHeader s : f.sections()) {
            if (s.type() == Elf.SHT_STRTAB && !nulTerminated(f, s)) {
                c.report().add(Rule.KM1, ModuleView.place(s), "the string table does not end with a NUL byte");
            }
        }
    }

    private static boolean nulTerminated(ElfFile f, SectionHeader s) {
        ByteBuffer b = f.content(s);
        return b.limit() > 0 && b.get(b.limit() - 1) == 0;
    }

    private static void km2OneSymbolTable(Context c) {
        ModuleView m = c.module();
        List<SectionHeader> tables = m.file.symbolTables();
        if (tables.size() != 1) {
            c.report().add(Rule.KM2, "sections", tables.size() + " SHT_SYMTAB sections, not exactly one");
        }
        for (SectionHeader t : tables) {
            if (!m.linksToStringTable(t)) {
                c.report().add(Rule.KM2, ModuleView.place(t), "sh_link " + t.link() + " is not a SHT_STRTAB section");
            }
        }
    }

    private static void km3LivepatchModinfo(Context c) throws ElfFormatException {
        ModuleView m = c.module();
        List<SectionHeader> modinfo = named(m.file, MODINFO);
        String notMarked = "livepatch: module " + m.moduleName() + " is not marked as a livepatch module";
        if (modinfo.isEmpty()) {
            c.report().add(Rule.KM3, "sections", "no " + MODINFO + " section", notMarked);
            return;
        }
        if (modinfo.size() > 1) {
            c.report().add(Rule.KM3, "sections", modinfo.size() + " " + MODINFO + " sections, at most one is allowed");
        }
        if (!ModuleInfo.of(m.file).has("livepatch")) {
            c.report().add(Rule.KM3, ModuleView.place(modinfo.get(0)), "no livepatch= entry", notMarked);
        }
    }

    private static void km4ThisModule(Context c) {
        int n = named(c.module().file, THIS_MODULE).size();
        if (n != 1) {
            c.report().add(Rule.KM4, "sections", n + " " + THIS_MODULE + " sections, not exactly one");
        }
    }

    private static void km5Ppc64Abi(Context c) {
        ModuleView m = c.module();
        ElfHeader h = m.file.header();
        if (m.is(Machine.PPC64) && h.dataEncoding() == Elf.ELFDATA2LSB && (h.flags() & 3) != 2) {
            c.report().add(Rule.KM5, "ELF header", "e_flags is 0x" + Long.toHexString(h.flags())
                    + ": the ABI bits (e_flags & 3) are " + (h.flags() & 3) + ", not 2 (ELFv2), so a ppc64le kernel refuses it");
        }
    }

    private static void km6NoCommonSymbols(Context c) {
        for (ElfSymbol sym : c.module().symbols) {
            if (sym.shndx() == Elf.SHN_COMMON) {
                c.report().add(Rule.KM6, ModuleView.place(sym),
                        "SHN_COMMON symbol: the module loader refuses common symbols (build with -fno-common)");
            }
        }
    }

    private static void km7LocalsFirst(Context c) {
        ModuleView m = c.module();
        if (m.symtab == null) {
            return;
        }
        int firstGlobal = m.symbols.size();
        for (ElfSymbol sym : m.symbols) {
            if (sym.bind() != Elf.STB_LOCAL) {
                firstGlobal = sym.index();
                break;
            }
        }
        for (int i = firstGlobal; i < m.symbols.size(); i++) {
            if (m.symbol(i).bind() == Elf.STB_LOCAL) {
                c.report().add(Rule.KM7, ModuleView.place(m.symbol(i)),
                        "local symbol after the first non-local one (" + firstGlobal + ")");
                return;
            }
        }
        if (m.symtab.info() != firstGlobal) {
            c.report().add(Rule.KM7, ModuleView.place(m.symtab),
                    "sh_info is " + m.symtab.info() + ", but the first non-local symbol is " + firstGlobal);
        }
    }

    private static void km8ArchSections(Context c) throws ElfFormatException {
        ModuleView m = c.module();
        String name = m.moduleName();
        if (m.is(Machine.PPC64)) {
            requireSections(c, List.of(".stubs"), name + ": doesn't contain .stubs.");
            if (usesToc(m)) {
                requireSections(c, List.of(".toc"), null);
            }
        } else if (m.is(Machine.PPC)) {
            requireSections(c, List.of(".plt", ".init.plt"), "Module doesn't contain .plt or .init.plt sections.");
        } else if (m.is(Machine.AARCH64)) {
            requireSections(c, List.of(".plt", ".init.plt"), name + ": module PLT section(s) missing");
        }
    }

    private static void requireSections(Context c, List<String> names, String kernelMessage) {
        for (String section : names) {
            if (named(c.module().file, section).isEmpty()) {
                c.report().add(Rule.KM8, "sections", "no " + section + " section", kernelMessage);
            }
        }
    }

    /** Whether some relocation has a TOC-family type (R_PPC64_TOC, R_PPC64_TOC16*). */
    private static boolean usesToc(ModuleView m) throws ElfFormatException {
        List<SectionHeader> all = new java.util.ArrayList<>(m.normalRelocationSections());
        all.addAll(m.klpSections);
        for (SectionHeader s : all) {
            for (ElfRelocation r : m.entries(s)) {
                String type = m.machine.flatMap(x -> x.relocationType(r.type())).map(RelocationType::readelfName)
                        .orElse("");
                if (type.equals("R_PPC64_TOC") || type.startsWith("R_PPC64_TOC16")) {
                    return true;
                }
            }
        }
        return false;
    }

    private static List<SectionHeader> named(ElfFile f, String name) {
        return f.sections().stream().filter(s -> s.name().equals(name)).toList();
    }
}
