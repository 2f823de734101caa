package org.klpconvert.convert.verify;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.klpconvert.convert.KlpFormat;
import org.klpconvert.convert.arch.ArchHandler;
import org.klpconvert.elf.Elf;
import org.klpconvert.elf.ElfFormatException;
import org.klpconvert.elf.ElfRelocation;
import org.klpconvert.elf.SectionHeader;
import org.klpconvert.elf.edit.ElfEditor;
import org.klpconvert.elf.edit.Relocation;
import org.klpconvert.elf.edit.Section;
import org.klpconvert.elf.reloc.Machine;
import org.klpconvert.elf.reloc.RelocationType;

/**
 * KR1-KR14: the klp relocation sections and their entries (kernel-rules.md sections 3.1, 3.5
 * and 7). Relocation types are judged by {@link RelocationType#kernelAccepts()}; the bytes at
 * a location by the converter's {@link ArchHandler}, which knows the x86_64 zero rule and the
 * ppc64 nop rule.
 */
final class KlpSectionRules implements RuleFamily {

    @Override
    public void check(Context c) throws ElfFormatException {
        Map<String, SectionHeader> firstPerObjectAndTarget = new HashMap<>();
        for (SectionHeader s : c.module().klpSections) {
            kr1TypeFlagAndName(c, s);
            kr2Alloc(c, s);
            KlpNames.SectionName name = kr3Name(c, s);
            kr4RestIsTarget(c, s, name);
            kr5LinkIsSymtab(c, s);
            boolean targetOk = kr6Target(c, s);
            kr7EntrySize(c, s);
            kr8InitExit(c, s, name);
            kr9to12Entries(c, s, targetOk);
            kr13InfoLink(c, s);
            kr14OnePerTarget(c, s, name, firstPerObjectAndTarget);
        }
        kr10NotRelocatedTwice(c);
    }

    private static void kr1TypeFlagAndName(Context c, SectionHeader s) {
        boolean flag = (s.flags() & Elf.SHF_RELA_LIVEPATCH) != 0;
        boolean named = s.name().startsWith(KlpFormat.RELA_PREFIX);
        if (s.type() != Elf.SHT_RELA) {
            c.report().add(Rule.KR1, ModuleView.place(s), "sh_type is " + s.type()
                    + ", not SHT_RELA (4): the kernel reads the entries as Elf_Rela anyway");
        }
        if (flag && !named) {
            c.report().add(Rule.KR1, ModuleView.place(s),
                    "SHF_RELA_LIVEPATCH is set, but the name does not start with " + KlpFormat.RELA_PREFIX);
        } else if (named && !flag) {
            c.report().add(Rule.KR1, ModuleView.place(s),
                    "the name starts with " + KlpFormat.RELA_PREFIX + ", but SHF_RELA_LIVEPATCH is not set: "
                            + "the module loader applies it as a normal relocation section");
        }
    }

    private static void kr2Alloc(Context c, SectionHeader s) {
        if ((s.flags() & Elf.SHF_ALLOC) == 0) {
            c.report().add(Rule.KR2, ModuleView.place(s), "SHF_ALLOC is not set: the kernel would read the "
                    + "section from freed memory when a target module loads later");
        }
    }

    private static KlpNames.SectionName kr3Name(Context c, SectionHeader s) {
        if (!s.name().startsWith(KlpFormat.RELA_PREFIX)) {
            return null; // KR1
        }
        KlpNames.SectionName name = KlpNames.section(s.name());
        if (!name.ok()) {
            String tail = s.name().substring(KlpFormat.RELA_PREFIX.length());
            boolean empty = tail.isEmpty() || tail.startsWith(".");
            c.report().add(Rule.KR3, ModuleView.place(s), name.problem()
                    + (empty ? "" : "; the kernel never matches it to an object, so it is never applied"),
                    empty ? "livepatch: section " + s.name() + " has an incorrectly formatted name" : null);
            return null;
        }
        return name;
    }

    private static void kr4RestIsTarget(Context c, SectionHeader s, KlpNames.SectionName name) {
        Optional<SectionHeader> target = c.module().target(s);
        if (name != null && target.isPresent() && !name.rest().equals(target.get().name())) {
            c.report().add(Rule.KR4, ModuleView.place(s), "the name ends with '" + name.rest()
                    + "', but sh_info is section " + ModuleView.place(target.get()));
        }
    }

    private static void kr5LinkIsSymtab(Context c, SectionHeader s) {
        SectionHeader symtab = c.module().symtab;
        if (symtab != null && s.link() != symtab.index()) {
            c.report().add(Rule.KR5, ModuleView.place(s), "sh_link is " + s.link() + ", not the .symtab index "
                    + symtab.index() + "; the entries are not checked");
        }
    }

    private static boolean kr6Target(Context c, SectionHeader s) {
        Optional<SectionHeader> target = c.module().target(s);
        if (target.isEmpty()) {
            c.report().add(Rule.KR6, ModuleView.place(s), "sh_info " + s.info() + " is not a section index (1.."
                    + (c.module().file.sections().size() - 1) + "): the loader skips the section");
            return false;
        }
        if ((target.get().flags() & Elf.SHF_ALLOC) == 0) {
            c.report().add(Rule.KR6, ModuleView.place(s), "the target " + ModuleView.place(target.get())
                    + " is not SHF_ALLOC: the loader silently never applies the section");
            return false;
        }
        return true;
    }

    private static void kr7EntrySize(Context c, SectionHeader s) {
        int size = c.module().file.header().relaSize();
        if (s.entsize() != size || s.size() % size != 0) {
            c.report().add(Rule.KR7, ModuleView.place(s), "sh_entsize " + s.entsize() + ", sh_size " + s.size()
                    + ": expected sh_entsize " + size + " and a multiple of it; the entries are not checked");
        }
    }

    private static void kr8InitExit(Context c, SectionHeader s, KlpNames.SectionName name) {
        Optional<SectionHeader> target = c.module().target(s);
        if (name != null && !name.object().equals(KlpFormat.VMLINUX) && target.isPresent()
                && (target.get().name().startsWith(".init") || target.get().name().startsWith(".exit"))) {
            c.report().add(Rule.KR8, ModuleView.place(s), "module-specific relocations into "
                    + target.get().name() + ", which may be freed before the module '" + name.object() + "' loads");
        }
    }

    /** KR9 (types), KR15 (inside the target), KR11 (x86_64 zero bytes), KR12 (ppc64 nop after bl), entry by entry. */
    private static void kr9to12Entries(Context c, SectionHeader s, boolean targetOk) throws ElfFormatException {
        ModuleView m = c.module();
        if (s.type() != Elf.SHT_RELA || m.machine.isEmpty()) {
            return;
        }
        Machine machine = m.machine.get();
        ArchHandler arch = ArchHandler.forMachine(machine.eMachine());
        Optional<ElfEditor> editor = targetOk ? m.editor() : Optional.empty();
        List<ElfRelocation> entries = m.entries(s);
        for (int i = 0; i < entries.size(); i++) {
            ElfRelocation r = entries.get(i);
            boolean accepted = machine.relocationType(r.type()).map(RelocationType::kernelAccepts).orElse(false);
            if (!accepted) {
                c.report().add(Rule.KR9, ModuleView.place(s, i, r), arch.typeName(r.type()) + " (" + r.type()
                        + ") is not applied by the " + machine + " module loader", unknownType(m, machine, r.type()));
                continue;
            }
            if (editor.isPresent()) {
                ElfEditor e = editor.get();
                Section target = e.sections().get((int) s.info());
                Optional<String> outside = ArchHandler.outside(r.offset(), target, e.shape());
                if (outside.isPresent()) {
                    c.report().add(Rule.KR15, ModuleView.place(s, i, r), outside.get());
                    continue;
                }
                Optional<String> refusal = arch.refusal(new Relocation(r.offset(), r.type(), null, r.addend()),
                        e.sections().get((int) s.info()), e.shape());
                if (refusal.isPresent()) {
                    boolean x86 = machine == Machine.X86_64;
                    c.report().add(x86 ? Rule.KR11 : Rule.KR12, ModuleView.place(s, i, r),
                            arch.typeName(r.type()) + ": " + refusal.get(), x86 ? null : missingNop(m, s, r));
                }
            }
        }
    }

    /** ppc64's refusal of a {@code bl} without a nop slot, with the word found there. */
    private static String missingNop(ModuleView m, SectionHeader s, ElfRelocation r) {
        SectionHeader target = m.file.section((int) s.info());
        long word = m.file.content(target).getInt((int) r.offset() + 4) & 0xffffffffL;
        return String.format("%s: Expected nop after call, got %08x at %s+0x%x", m.moduleName(), word,
                target.name(), r.offset());
    }

    /** The message of the arch's {@code apply_relocate_add} for a type it does not know. */
    private static String unknownType(ModuleView m, Machine machine, int type) {
        String name = m.moduleName();
        return switch (machine) {
            case X86_64 -> name + ": Unknown rela relocation: " + type;
            case PPC64 -> name + ": Unknown ADD relocation: " + type;
            case PPC -> name + ": unknown ADD relocation: " + type;
            case S390 -> "module " + name + ": unknown relocation: " + type;
            case AARCH64 -> "module " + name + ": unsupported RELA relocation: " + type;
        };
    }

    private static void kr10NotRelocatedTwice(Context c) throws ElfFormatException {
        ModuleView m = c.module();
        Map<Long, Set<Long>> klpLocations = new HashMap<>();
        for (SectionHeader s : m.klpSections) {
            for (ElfRelocation r : m.entries(s)) {
                klpLocations.computeIfAbsent(s.info(), k -> new HashSet<>()).add(r.offset());
            }
        }
        for (SectionHeader s : m.normalRelocationSections()) {
            Set<Long> taken = klpLocations.getOrDefault(s.info(), Set.of());
            List<ElfRelocation> entries = m.entries(s);
            for (int i = 0; i < entries.size(); i++) {
                ElfRelocation r = entries.get(i);
                if (r.type() != 0 && taken.contains(r.offset())) {
                    c.report().add(Rule.KR10, ModuleView.place(s, i, r),
                            "this location is also relocated by a klp relocation");
                }
            }
        }
    }

    private static void kr13InfoLink(Context c, SectionHeader s) {
        boolean infoLink = (s.flags() & Elf.SHF_INFO_LINK) != 0;
        c.report().add(Rule.KR13, ModuleView.place(s), infoLink ? "SHF_INFO_LINK set (objtool/kpatch style)"
                : "SHF_INFO_LINK not set (klp-convert style)");
    }

    private static void kr14OnePerTarget(Context c, SectionHeader s, KlpNames.SectionName name,
            Map<String, SectionHeader> first) {
        if (name == null) {
            return;
        }
        SectionHeader earlier = first.putIfAbsent(name.object() + "\0" + s.info(), s);
        if (earlier != null) {
            c.report().add(Rule.KR14, ModuleView.place(s), "a second klp section for object '" + name.object()
                    + "' and target section " + s.info() + ", after " + ModuleView.place(earlier)
                    + "; no known tool produces this");
        }
    }
}
