package org.klpconvert.elf.version;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

import org.klpconvert.elf.Elf;
import org.klpconvert.elf.ElfFile;
import org.klpconvert.elf.ElfFormatException;
import org.klpconvert.elf.ElfSymbol;
import org.klpconvert.elf.SectionHeader;
import org.klpconvert.elf.dynamic.DynamicEntry;
import org.klpconvert.elf.dynamic.DynamicSection;

/**
 * The symbol versioning sections of an object, read and checked: {@code .gnu.version_d}
 * ({@code SHT_GNU_verdef}), {@code .gnu.version_r} ({@code SHT_GNU_verneed}) and
 * {@code .gnu.version} ({@code SHT_GNU_versym}). {@link #versionOf(ElfSymbol)} resolves a
 * dynamic symbol's version as the dynamic linker and GNU readelf do: definitions for defined
 * symbols, requirements for undefined ones (and for copy-relocated data), and only when the
 * dynamic section announces the tables.
 */
public final class SymbolVersions {
    /** {@code SHT_GNU_verdef}. */
    public static final int SHT_GNU_VERDEF = 0x6ffffffd;
    /** {@code SHT_GNU_verneed}. */
    public static final int SHT_GNU_VERNEED = 0x6ffffffe;
    /** {@code SHT_GNU_versym}. */
    public static final int SHT_GNU_VERSYM = 0x6fffffff;
    /** The bit of a {@code .gnu.version} value that marks a hidden version. */
    public static final int VERSYM_HIDDEN = 0x8000;

    private final List<VersionDefinition> definitions;
    private final List<VersionNeed> needs;
    private final int[] versym;
    private final boolean announced;
    private final boolean definitionsAnnounced;
    private final boolean needsAnnounced;

    private SymbolVersions(List<VersionDefinition> definitions, List<VersionNeed> needs, int[] versym,
            Optional<DynamicSection> dynamic) {
        this.definitions = definitions;
        this.needs = needs;
        this.versym = versym;
        this.announced = dynamic.flatMap(d -> d.value(DynamicEntry.DT_VERSYM)).isPresent();
        this.definitionsAnnounced = dynamic.flatMap(d -> d.value(DynamicEntry.DT_VERDEF)).isPresent();
        this.needsAnnounced = dynamic.flatMap(d -> d.value(DynamicEntry.DT_VERNEED)).isPresent();
    }

    /**
     * Reads the versioning sections of {@code file} (all lists empty when it has none).
     *
     * @param file the object
     * @return the decoded versioning
     * @throws ElfFormatException if the object is malformed
     */
    public static SymbolVersions of(ElfFile file) throws ElfFormatException {
        List<VersionDefinition> definitions = new ArrayList<>();
        List<VersionNeed> needs = new ArrayList<>();
        int[] versym = new int[0];
        for (SectionHeader s : file.sections()) {
            switch (s.type()) {
                case SHT_GNU_VERDEF -> definitions.addAll(definitions(file, s));
                case SHT_GNU_VERNEED -> needs.addAll(needs(file, s));
                case SHT_GNU_VERSYM -> versym = versym(file, s);
                default -> {
                    // not a versioning section
                }
            }
        }
        return new SymbolVersions(Collections.unmodifiableList(definitions), Collections.unmodifiableList(needs),
                versym, DynamicSection.of(file));
    }

    /**
     * {@return the entries of one {@code SHT_GNU_verdef} section, {@code sh_info} of them}
     *
     * @param file the object
     * @param section its {@code .gnu.version_d} section
     * @throws ElfFormatException if the object is malformed
     */
    public static List<VersionDefinition> definitions(ElfFile file, SectionHeader section)
            throws ElfFormatException {
        ByteBuffer b = file.content(section);
        SectionHeader strings = linkedStrings(file, section);
        List<VersionDefinition> list = new ArrayList<>();
        long at = 0;
        for (long n = 0; n < section.info(); n++) {
            check(file, section, at, 20, "version definition");
            int i = (int) at;
            int cnt = u16(b, i + 6);
            long aux = u32(b, i + 12);
            long next = u32(b, i + 16);
            List<VersionName> names = new ArrayList<>();
            long a = at + aux;
            for (int k = 0; k < cnt; k++) {
                check(file, section, a, 8, "version definition name");
                names.add(new VersionName(a, file.string(strings, u32(b, (int) a))));
                long step = u32(b, (int) a + 4);
                if (step == 0 && k < cnt - 1) {
                    throw error(file, section, a, "version definition name chain ends early");
                }
                a += step;
            }
            list.add(new VersionDefinition(at, u16(b, i), u16(b, i + 2), u16(b, i + 4), cnt, names));
            if (next == 0 && n < section.info() - 1) {
                throw error(file, section, at, "version definition chain ends before its " + section.info()
                        + " entries");
            }
            at += next;
        }
        return Collections.unmodifiableList(list);
    }

    /**
     * {@return the entries of one {@code SHT_GNU_verneed} section, {@code sh_info} of them}
     *
     * @param file the object
     * @param section its {@code .gnu.version_r} section
     * @throws ElfFormatException if the object is malformed
     */
    public static List<VersionNeed> needs(ElfFile file, SectionHeader section) throws ElfFormatException {
        ByteBuffer b = file.content(section);
        SectionHeader strings = linkedStrings(file, section);
        List<VersionNeed> list = new ArrayList<>();
        long at = 0;
        for (long n = 0; n < section.info(); n++) {
            check(file, section, at, 16, "version need");
            int i = (int) at;
            int cnt = u16(b, i + 2);
            String name = file.string(strings, u32(b, i + 4));
            long aux = u32(b, i + 8);
            long next = u32(b, i + 12);
            List<VersionRequirement> requirements = new ArrayList<>();
            long a = at + aux;
            for (int k = 0; k < cnt; k++) {
                check(file, section, a, 16, "version need entry");
                int j = (int) a;
                requirements.add(new VersionRequirement(a, file.string(strings, u32(b, j + 8)), u32(b, j),
                        u16(b, j + 4), u16(b, j + 6)));
                long step = u32(b, j + 12);
                if (step == 0 && k < cnt - 1) {
                    throw error(file, section, a, "version need entry chain ends early");
                }
                a += step;
            }
            list.add(new VersionNeed(at, u16(b, i), name, cnt, requirements));
            if (next == 0 && n < section.info() - 1) {
                throw error(file, section, at, "version need chain ends before its " + section.info() + " entries");
            }
            at += next;
        }
        return Collections.unmodifiableList(list);
    }

    private static int[] versym(ElfFile file, SectionHeader section) {
        ByteBuffer b = file.content(section);
        int[] values = new int[b.capacity() / 2];
        for (int i = 0; i < values.length; i++) {
            values[i] = u16(b, 2 * i);
        }
        return values;
    }

    private static SectionHeader linkedStrings(ElfFile file, SectionHeader section) throws ElfFormatException {
        long link = section.link();
        if (link <= 0 || link >= file.sections().size() || file.section((int) link).type() != Elf.SHT_STRTAB) {
            throw error(file, section, 0, "sh_link " + link + " is not a string table");
        }
        return file.section((int) link);
    }

    private static void check(ElfFile file, SectionHeader section, long at, int size, String what)
            throws ElfFormatException {
        if (at < 0 || at > section.size() - size || !section.hasFileData()) {
            throw error(file, section, at, what + " at offset 0x" + Long.toHexString(at) + " lies past the end ("
                    + section.size() + " bytes)");
        }
    }

    private static ElfFormatException error(ElfFile file, SectionHeader section, long at, String reason) {
        return new ElfFormatException(file.source(), section.offset() + at, "section [" + section.index() + "] '"
                + section.name() + "': " + reason);
    }

    /** {@return the version definitions of all {@code SHT_GNU_verdef} sections} */
    public List<VersionDefinition> definitions() {
        return definitions;
    }

    /** {@return the version requirements of all {@code SHT_GNU_verneed} sections} */
    public List<VersionNeed> needs() {
        return needs;
    }

    /** {@return number of {@code .gnu.version} entries (one per dynamic symbol)} */
    public int versymCount() {
        return versym.length;
    }

    /**
     * {@return the raw {@code .gnu.version} value of dynamic symbol {@code index}}
     *
     * @param index the dynamic symbol's index
     */
    public int versym(int index) {
        return versym[index];
    }

    /**
     * {@return the definition with that {@code vd_ndx}}
     *
     * @param index the version index
     */
    public Optional<VersionDefinition> definition(int index) {
        return definitions.stream().filter(d -> d.index() == index).findFirst();
    }

    /**
     * {@return the requirement with that {@code vna_other}}
     *
     * @param other the {@code vna_other} index
     */
    public Optional<VersionRequirement> requirement(int other) {
        for (VersionNeed n : needs) {
            for (VersionRequirement r : n.requirements()) {
                if (r.other() == other) {
                    return Optional.of(r);
                }
            }
        }
        return Optional.empty();
    }

    /**
     * {@return the version of a symbol of the dynamic symbol table: empty for unversioned symbols
     * (index 0 and 1, the object's base version) and when the object announces no versions
     * in its dynamic section}
     *
     * @param symbol a dynamic symbol
     */
    public Optional<SymbolVersion> versionOf(ElfSymbol symbol) {
        if (!announced || symbol.index() >= versym.length) {
            return Optional.empty();
        }
        int value = versym[symbol.index()];
        if (value == 0) {
            return Optional.empty();
        }
        int index = value & ~VERSYM_HIDDEN;
        boolean hidden = (value & VERSYM_HIDDEN) != 0;
        if (symbol.shndx() != Elf.SHN_UNDEF && value != 0x8001 && definitionsAnnounced) {
            Optional<VersionDefinition> d = definition(index);
            if (d.isPresent()) {
                boolean baseVersion = d.get().index() == 1 && d.get().flags() == VersionDefinition.VER_FLG_BASE;
                // The absolute symbol the linker defines for each version names that version itself.
                boolean versionSymbol = symbol.shndx() == Elf.SHN_ABS && symbol.name().equals(d.get().name());
                if (baseVersion || versionSymbol || d.get().count() == 0) {
                    return Optional.empty();
                }
                return Optional.of(new SymbolVersion(d.get().name(),
                        hidden ? SymbolVersion.Kind.HIDDEN : SymbolVersion.Kind.DEFAULT, index));
            }
        }
        if (needsAnnounced) {
            Optional<VersionRequirement> r = requirement(value);
            if (r.isPresent()) {
                return Optional.of(new SymbolVersion(r.get().name(), SymbolVersion.Kind.REQUIRED, r.get().other()));
            }
        }
        return Optional.empty();
    }

    private static int u16(ByteBuffer b, int at) {
        return b.getShort(at) & 0xffff;
    }

    private static long u32(ByteBuffer b, int at) {
        return b.getInt(at) & 0xffffffffL;
    }
}
