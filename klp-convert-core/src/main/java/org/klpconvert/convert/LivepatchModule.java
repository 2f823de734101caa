package org.klpconvert.convert;

import java.util.LinkedHashSet;
import java.util.Set;

import org.klpconvert.elf.Elf;
import org.klpconvert.elf.ElfFile;
import org.klpconvert.elf.ElfFormatException;
import org.klpconvert.elf.edit.ElfEditor;
import org.klpconvert.elf.edit.RelocationTable;
import org.klpconvert.elf.edit.Section;
import org.klpconvert.elf.edit.Symbol;
import org.klpconvert.elf.edit.SymbolTable;

/**
 * A module opened for conversion, with the checks the C tool's ELF layer makes when it
 * opens one (klp-convert.md 5.1). Opening comes before the symbols file is read, so a bad
 * module is reported first, and {@link #undefinedNames()} tells which names the symbols
 * file must answer for. A module is converted once: conversion edits it.
 */
public final class LivepatchModule {
    private final String name;
    private final ElfEditor editor;
    private final Section symbolTable;
    private boolean converted;

    private LivepatchModule(String name, ElfEditor editor, Section symbolTable) {
        this.name = name;
        this.editor = editor;
        this.symbolTable = symbolTable;
    }

    /**
     * Opens and checks a module; the {@link ElfFile} itself is not changed.
     *
     * @param file the module
     * @return the module, ready for conversion
     * @throws ElfFormatException if the object is malformed
     */
    public static LivepatchModule open(ElfFile file) throws ElfFormatException {
        ElfEditor editor = ElfEditor.open(file);
        Section symtab = editor.section(".symtab")
                .orElseThrow(() -> new ElfFormatException(file.source(), -1, "missing symbol table"));
        if (symtab.type() != Elf.SHT_SYMTAB || !(symtab.content() instanceof SymbolTable)) {
            throw new ElfFormatException(file.source(), offsetOf(file, symtab),
                    "section .symtab is not a symbol table (sh_type " + symtab.type() + ")");
        }
        for (Section s : editor.sections()) {
            if (s.type() == Elf.SHT_RELA) {
                checkRelocationSection(file, s, symtab);
            }
        }
        return new LivepatchModule(file.source(), editor, symtab);
    }

    /**
     * C finds a relocation section's base by name ({@code .rela<base>}) and resolves its
     * entries against the one symbol table it renames, {@code .symtab}. D10: the base is the
     * {@code sh_info} section, and already converted sections need no name match.
     */
    private static void checkRelocationSection(ElfFile file, Section s, Section symtab) throws ElfFormatException {
        if (!(s.content() instanceof RelocationTable) || s.link() != symtab) {
            throw new ElfFormatException(file.source(), offsetOf(file, s),
                    "relocation section " + s.name() + " is not linked to .symtab");
        }
        Section base = s.infoSection();
        boolean klp = s.name().startsWith(KlpFormat.RELA_PREFIX);
        if (base == null || !klp && (s.name().length() <= 5 || !s.name().substring(5).equals(base.name()))) {
            throw new ElfFormatException(file.source(), offsetOf(file, s),
                    "can't find base section for rela section " + s.name());
        }
    }

    /** File offset of a section's header, for messages. */
    private static long offsetOf(ElfFile file, Section s) {
        return s.original() == null ? -1
                : file.header().shoff() + (long) s.original().index() * file.header().shentsize();
    }

    /** {@return the module's name as given (its path, usually)} */
    public String name() {
        return name;
    }

    /**
     * {@return names of the undefined symbols: the only names conversion asks the symbols file about}
     * The empty name is one of them when a relocation refers to a nameless undefined symbol,
     * which a blank line of the symbols file matches.
     */
    public Set<String> undefinedNames() {
        Set<String> names = new LinkedHashSet<>();
        for (Symbol s : symbolTable.symbols().symbols()) {
            if (!s.isDefined()) {
                names.add(s.name());
            }
        }
        return names;
    }

    ElfEditor editor() {
        return editor;
    }

    /** Conversion edits the model in place, so a second run would see a half-converted module. */
    void claimForConversion() {
        if (converted) {
            throw new IllegalStateException(name + " was already converted; open it again to convert it again");
        }
        converted = true;
    }

    Section symbolTable() {
        return symbolTable;
    }
}
