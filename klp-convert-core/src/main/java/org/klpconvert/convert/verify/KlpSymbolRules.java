package org.klpconvert.convert.verify;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.klpconvert.convert.KlpFormat;
import org.klpconvert.elf.Elf;
import org.klpconvert.elf.ElfFormatException;
import org.klpconvert.elf.ElfRelocation;
import org.klpconvert.elf.ElfSymbol;
import org.klpconvert.elf.SectionHeader;
import org.klpconvert.elf.reloc.Machine;

/**
 * KS1-KS9: the symbols klp relocations refer to, and what is left undefined (kernel-rules.md
 * sections 3.2, 3.4 and 4). Each symbol is reported once per rule, at its first use.
 */
final class KlpSymbolRules implements RuleFamily {
    /** ppc64: the loader itself resolves the TOC base; it is never exported. */
    private static final String TOC_BASE = ".TOC.";
    private static final int ENOENT = 2;

    @Override
    public void check(Context c) throws ElfFormatException {
        ModuleView m = c.module();
        if (m.symtab == null) {
            return; // KM2
        }
        Set<Integer> usedByKlp = new HashSet<>();
        Set<String> seenPairs = new HashSet<>();
        for (SectionHeader s : m.klpSections) {
            KlpNames.SectionName sectionName = s.name().startsWith(KlpFormat.RELA_PREFIX)
                    ? KlpNames.section(s.name()) : null;
            List<ElfRelocation> entries = m.entries(s);
            for (int i = 0; i < entries.size(); i++) {
                ElfRelocation r = entries.get(i);
                if (r.symbol() == 0) {
                    continue;
                }
                boolean firstUse = usedByKlp.add(r.symbol());
                ElfSymbol sym = m.symbol(r.symbol());
                if (firstUse) {
                    ks1Livepatch(c, s, i, sym);
                    ks2Name(c, sym);
                }
                KlpNames.SymbolName symbolName = KlpNames.symbol(sym.name(), c.kernel().maxSymbolNameLength());
                boolean bothParse = sectionName != null && sectionName.ok() && symbolName.ok();
                if (bothParse && seenPairs.add(s.index() + "\0" + r.symbol())) {
                    ks3to5Objects(c, s, sectionName.object(), sym, symbolName);
                }
            }
        }
        ks6NotInNormalRelocations(c);
        ks7Unused(c, usedByKlp);
        ks8Dashes(c, usedByKlp);
        ks9Exported(c);
    }

    private static void ks1Livepatch(Context c, SectionHeader s, int entry, ElfSymbol sym) {
        if (sym.shndx() != Elf.SHN_LIVEPATCH) {
            c.report().add(Rule.KS1, ModuleView.place(sym), "used by " + ModuleView.place(s) + " entry " + entry
                    + ", but st_shndx is 0x" + Integer.toHexString(sym.shndx()) + ", not SHN_LIVEPATCH (0xff20)",
                    "livepatch: symbol " + sym.name() + " at rela sec " + s.index() + " idx " + entry
                            + " is not marked as a livepatch symbol");
        }
    }

    private static void ks2Name(Context c, ElfSymbol sym) {
        KlpNames.SymbolName name = KlpNames.symbol(sym.name(), c.kernel().maxSymbolNameLength());
        if (!name.ok()) {
            c.report().add(Rule.KS2, ModuleView.place(sym), "not a klp symbol name: " + name.problem(),
                    "livepatch: symbol " + sym.name() + " has an incorrectly formatted name");
        }
    }

    private static void ks3to5Objects(Context c, SectionHeader s, String sectionObject, ElfSymbol sym,
            KlpNames.SymbolName name) {
        String symbolObject = name.object();
        if (sectionObject.equals(symbolObject)) {
            return;
        }
        String place = ModuleView.place(sym);
        boolean sectionIsVmlinux = sectionObject.equals(KlpFormat.VMLINUX);
        boolean symbolIsVmlinux = symbolObject.equals(KlpFormat.VMLINUX);
        if (!sectionIsVmlinux && symbolIsVmlinux) {
            if (c.kernel().splitsVmlinuxRelocations()) {
                c.report().add(Rule.KS3, place, "a vmlinux symbol used by module-specific section "
                        + ModuleView.place(s), "livepatch: invalid access to vmlinux symbol '" + name.name()
                        + "' from module-specific livepatch relocation section");
            }
        } else if (sectionIsVmlinux) {
            c.report().add(Rule.KS4, place, "a symbol of module '" + symbolObject + "' used by vmlinux section "
                    + ModuleView.place(s) + ": it resolves only if that module is loaded before the patch");
        } else {
            c.report().add(Rule.KS5, place, "a symbol of object '" + symbolObject + "' used by "
                    + ModuleView.place(s) + ", whose object is '" + sectionObject + "'");
        }
    }

    private static void ks6NotInNormalRelocations(Context c) throws ElfFormatException {
        ModuleView m = c.module();
        Set<Integer> reported = new HashSet<>();
        for (SectionHeader s : m.normalRelocationSections()) {
            List<ElfRelocation> entries = m.entries(s);
            for (int i = 0; i < entries.size(); i++) {
                ElfRelocation r = entries.get(i);
                ElfSymbol sym = m.symbol(r.symbol());
                if (r.type() != 0 && sym.shndx() == Elf.SHN_LIVEPATCH && reported.add(sym.index())) {
                    c.report().add(Rule.KS6, ModuleView.place(sym), "used by normal relocation "
                            + ModuleView.place(s, i, r) + ": the loader would apply its raw st_value");
                }
            }
        }
    }

    private static void ks7Unused(Context c, Set<Integer> usedByKlp) {
        for (ElfSymbol sym : c.module().symbols) {
            if (sym.shndx() == Elf.SHN_LIVEPATCH && !usedByKlp.contains(sym.index())) {
                c.report().add(Rule.KS7, ModuleView.place(sym), "SHN_LIVEPATCH symbol that no klp relocation uses");
            }
        }
    }

    /** Object names with '-', from klp section names and klp symbol names, each once. */
    private static void ks8Dashes(Context c, Set<Integer> usedByKlp) {
        ModuleView m = c.module();
        Map<String, String> objects = new LinkedHashMap<>();
        for (SectionHeader s : m.klpSections) {
            KlpNames.SectionName name = KlpNames.section(s.name());
            if (name.ok()) {
                objects.putIfAbsent(name.object(), ModuleView.place(s));
            }
        }
        for (ElfSymbol sym : m.symbols) {
            if (sym.shndx() == Elf.SHN_LIVEPATCH || usedByKlp.contains(sym.index())) {
                KlpNames.SymbolName name = KlpNames.symbol(sym.name(), c.kernel().maxSymbolNameLength());
                if (name.ok()) {
                    objects.putIfAbsent(name.object(), ModuleView.place(sym));
                }
            }
        }
        objects.forEach((object, place) -> {
            if (object.indexOf('-') >= 0) {
                c.report().add(Rule.KS8, place, "object '" + object + "' contains '-': kernel module names use '_' ('"
                        + object.replace('-', '_') + "'), so it never matches");
            }
        });
    }

    private static String fileName(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    private static void ks9Exported(Context c) {
        ModuleView m = c.module();
        if (c.symbols() == null) {
            return;
        }
        for (ElfSymbol sym : m.symbols) {
            boolean undefined = sym.shndx() == Elf.SHN_UNDEF && sym.index() != 0 && !sym.name().isEmpty();
            boolean resolvedByLoader = sym.bind() == Elf.STB_WEAK || m.is(Machine.PPC64) && sym.name().equals(TOC_BASE);
            if (undefined && !resolvedByLoader && !c.symbols().exported(sym.name())) {
                c.report().add(Rule.KS9, ModuleView.place(sym), "undefined, and no __ksymtab_ line of "
                        + fileName(c.symbols().source()) + " exports it", m.moduleName() + ": Unknown symbol " + sym.name() + " (err -"
                        + ENOENT + ")");
            }
        }
    }
}
