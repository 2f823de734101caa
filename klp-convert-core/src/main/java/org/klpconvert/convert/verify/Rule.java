package org.klpconvert.convert.verify;

/**
 * The lint rule catalogue of kernel-rules.md section 9: an ID, its severity and what it
 * checks. The checks themselves live in one class per family ({@link ModuleRules},
 * {@link KlpSectionRules}, {@link KlpSymbolRules}, {@link SymbolsFileRules},
 * {@link PatchStructureRules}).
 */
public enum Rule {
    /** Error: {@literal ELF sanity: ET_REL, a supported class/byte order/machine, null section 0, terminated string tables}. */
    KM1(Severity.ERROR, "ELF sanity: ET_REL, a supported class/byte order/machine, null section 0, terminated string tables"),
    /** Error: {@literal exactly one SHT_SYMTAB, linked to a SHT_STRTAB}. */
    KM2(Severity.ERROR, "exactly one SHT_SYMTAB, linked to a SHT_STRTAB"),
    /** Error: {@literal one .modinfo with a livepatch= entry}. */
    KM3(Severity.ERROR, "one .modinfo with a livepatch= entry"),
    /** Error: {@literal exactly one .gnu.linkonce.this_module}. */
    KM4(Severity.ERROR, "exactly one .gnu.linkonce.this_module"),
    /** Error: {@literal ppc64le: e_flags & 3 == 2 (ELFv2)}. */
    KM5(Severity.ERROR, "ppc64le: e_flags & 3 == 2 (ELFv2)"),
    /** Error: {@literal no SHN_COMMON symbol}. */
    KM6(Severity.ERROR, "no SHN_COMMON symbol"),
    /** Warn: {@literal .symtab has its locals first and sh_info = first non-local}. */
    KM7(Severity.WARN, ".symtab has its locals first and sh_info = first non-local"),
    /** Error: {@literal arch sections: ppc64 .stubs (and .toc), ppc32/arm64 .plt and .init.plt}. */
    KM8(Severity.ERROR, "arch sections: ppc64 .stubs (and .toc), ppc32/arm64 .plt and .init.plt"),
    /** Error: {@literal vermagic names the target kernel release (with a target release, without modversions)}. */
    KM9(Severity.ERROR, "vermagic names the target kernel release (with a target release, without modversions)"),
    /** Warn: {@literal vermagic names the target kernel release (with a target release and modversions)}. */
    KM10(Severity.WARN, "vermagic names the target kernel release (with a target release and modversions)"),

    /** Error: {@literal klp section is SHT_RELA with both SHF_RELA_LIVEPATCH and the .klp.rela. name}. */
    KR1(Severity.ERROR, "klp section is SHT_RELA with both SHF_RELA_LIVEPATCH and the .klp.rela. name"),
    /** Error: {@literal klp section has SHF_ALLOC}. */
    KR2(Severity.ERROR, "klp section has SHF_ALLOC"),
    /** Error: {@literal klp section name is .klp.rela.<object>.<rest>, object 1-55 characters without '.'}. */
    KR3(Severity.ERROR, "klp section name is .klp.rela.<object>.<rest>, object 1-55 characters without '.'"),
    /** Warn: {@literal klp section name ends with its target section's name}. */
    KR4(Severity.WARN, "klp section name ends with its target section's name"),
    /** Warn: {@literal klp section sh_link is .symtab}. */
    KR5(Severity.WARN, "klp section sh_link is .symtab"),
    /** Error: {@literal klp section targets an existing SHF_ALLOC section}. */
    KR6(Severity.ERROR, "klp section targets an existing SHF_ALLOC section"),
    /** Warn: {@literal klp section sh_entsize is the RELA size and divides sh_size}. */
    KR7(Severity.WARN, "klp section sh_entsize is the RELA size and divides sh_size"),
    /** Warn: {@literal module-specific klp section patches .init/.exit memory}. */
    KR8(Severity.WARN, "module-specific klp section patches .init/.exit memory"),
    /** Error: {@literal relocation type accepted by the arch's apply_relocate_add}. */
    KR9(Severity.ERROR, "relocation type accepted by the arch's apply_relocate_add"),
    /** Error: {@literal location relocated by both a klp and a normal relocation}. */
    KR10(Severity.ERROR, "location relocated by both a klp and a normal relocation"),
    /** Error: {@literal x86_64: klp location bytes are zero}. */
    KR11(Severity.ERROR, "x86_64: klp location bytes are zero"),
    /** Error: {@literal ppc64: a klp bl is followed by a nop}. */
    KR12(Severity.ERROR, "ppc64: a klp bl is followed by a nop"),
    /** Info: {@literal SHF_INFO_LINK style of klp sections}. */
    KR13(Severity.INFO, "SHF_INFO_LINK style of klp sections"),
    /** Warn: {@literal one klp section per (object, target section)}. */
    KR14(Severity.WARN, "one klp section per (object, target section)"),
    /** Error: {@literal klp relocation location lies inside its target section}. */
    KR15(Severity.ERROR, "klp relocation location lies inside its target section"),

    /** Error: {@literal klp relocation symbol has st_shndx SHN_LIVEPATCH}. */
    KS1(Severity.ERROR, "klp relocation symbol has st_shndx SHN_LIVEPATCH"),
    /** Error: {@literal klp symbol name is .klp.sym.<object>.<name>,<sympos>}. */
    KS2(Severity.ERROR, "klp symbol name is .klp.sym.<object>.<name>,<sympos>"),
    /** Error: {@literal module-specific klp section refers to a vmlinux symbol (5.8+)}. */
    KS3(Severity.ERROR, "module-specific klp section refers to a vmlinux symbol (5.8+)"),
    /** Warn: {@literal vmlinux klp section refers to a module symbol}. */
    KS4(Severity.WARN, "vmlinux klp section refers to a module symbol"),
    /** Warn: {@literal klp section object differs from the symbol's object}. */
    KS5(Severity.WARN, "klp section object differs from the symbol's object"),
    /** Error: {@literal SHN_LIVEPATCH symbol used by a normal relocation}. */
    KS6(Severity.ERROR, "SHN_LIVEPATCH symbol used by a normal relocation"),
    /** Warn: {@literal SHN_LIVEPATCH symbol used by no klp relocation}. */
    KS7(Severity.WARN, "SHN_LIVEPATCH symbol used by no klp relocation"),
    /** Warn: {@literal object name contains '-'}. */
    KS8(Severity.WARN, "object name contains '-'"),
    /** Error: {@literal undefined symbol not exported by the symbols file}. */
    KS9(Severity.ERROR, "undefined symbol not exported by the symbols file"),

    /** Error: {@literal klp symbol's sympos resolves in the symbols file}. */
    KP1(Severity.ERROR, "klp symbol's sympos resolves in the symbols file"),
    /** Info: {@literal klp symbol is exported}. */
    KP2(Severity.INFO, "klp symbol is exported"),

    /** Warn: {@literal module object named in read-only data (klp_object.name)}. */
    KO1(Severity.WARN, "module object named in read-only data (klp_object.name)");

    private final Severity severity;
    private final String summary;

    Rule(Severity severity, String summary) {
        this.severity = severity;
        this.summary = summary;
    }

    /** {@return how serious a violation is} */
    public Severity severity() {
        return severity;
    }

    /** {@return what the rule checks, in a few words} */
    public String summary() {
        return summary;
    }
}
