package org.klpconvert.convert.support;

import static java.nio.charset.StandardCharsets.ISO_8859_1;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.klpconvert.convert.KlpFormat;
import org.klpconvert.convert.support.RawElf.Field;
import org.klpconvert.elf.Elf;
import org.klpconvert.elf.ElfFile;
import org.klpconvert.elf.ElfSymbol;
import org.klpconvert.elf.KlpException;
import org.klpconvert.elf.SectionHeader;
import org.klpconvert.symbols.SymbolMap;
import org.klpconvert.testdata.ConversionCase;
import org.klpconvert.testdata.TestData;

/**
 * Structural mutants of the corpus inputs: edits the ELF reader accepts and the converter has
 * to cope with (section names, types, links and entry sizes, symbol section indices,
 * relocation symbols, offsets and types, annotation positions, odd lines in the symbols
 * file). Mutant {@code i} of a case is built from {@code new Random(seed(case) + i)} alone,
 * so a failure message names everything needed to rebuild it.
 */
public final class StructuralMutator {
    private static final int[] TYPES = {Elf.SHT_NULL, Elf.SHT_PROGBITS, Elf.SHT_NOBITS, Elf.SHT_RELA, Elf.SHT_REL,
        Elf.SHT_SYMTAB, Elf.SHT_STRTAB, Elf.SHT_GROUP, Elf.SHT_SYMTAB_SHNDX, Elf.SHT_DYNSYM};
    private static final long[] HUGE = {1L << 31, 0xffffffffL, 1L << 40, Long.MAX_VALUE, -1L, 12L * Integer.MAX_VALUE};
    private static final long[] ENTSIZES = {0, 1, 7, 12, 16, 24, 0x7fffffffL, 1L << 40, -1L};
    private static final long[] POSITIONS = {0, 1, 2, 1L << 31, 0xffffffffL};
    private static final int[] MACHINES = {Elf.EM_X86_64, Elf.EM_AARCH64, Elf.EM_PPC64, Elf.EM_PPC, Elf.EM_S390, 0, 3,
        40};
    private static final String ANNOTATION_PREFIX = ".klp.module_relocs.";
    private static final String[] OBJECTS = {"vmlinux", "btrfs", "sunrpc", "zz", "o".repeat(56)};

    private static final Map<String, SymbolMap> FULL_MAPS = new ConcurrentHashMap<>();
    private static final Map<String, byte[]> SMALL_SYMBOLS = new ConcurrentHashMap<>();
    private static final Map<List<Object>, SymbolMap> LEAN_MAPS = new ConcurrentHashMap<>();


    private StructuralMutator() {
    }

    /** One mutant: the module, the maps it is converted with, and the edits that made it. */
    /**
     * One mutant.
     *
     * @param module the mutated module
     * @param maps   the symbols maps it is converted with (mutated or the case's own)
     * @param edits  the edits that made it, for messages
     */
    public record Mutant(byte[] module, Contract.Maps maps, List<String> edits) {
    }

    /** A corpus input prepared for mutation, with the positions its edits need. */
    public static final class Target {
        final Path temp;
        final long baseSeed;
        final ConversionCase c;
        final byte[] base;
        final ElfFile layout;
        final Map<String, Integer> names;
        final List<Integer> symbolNames;
        final List<String> klpRelaNames = new ArrayList<>();
        final List<String> otherRelaNames = new ArrayList<>();
        final List<SectionHeader> relocationSections = new ArrayList<>();
        final List<SectionHeader> annotations = new ArrayList<>();
        final List<Integer> interesting = new ArrayList<>();
        final List<Integer> undefinedSymbols = new ArrayList<>();
        final SectionHeader symtab;
        final int symbolCount;
        final int n;

        private Target(ConversionCase c, Map<String, Integer> names, RawElf.Renamable withSymbolNames, Path temp,
                long baseSeed) throws KlpException {
            this.temp = temp;
            this.baseSeed = baseSeed;
            this.c = c;
            this.base = withSymbolNames.bytes();
            this.names = names;
            this.symbolNames = new ArrayList<>(withSymbolNames.nameOffsets().values());
            this.layout = ElfFile.parse(base, c.toString());
            this.n = layout.sections().size();
            this.symtab = layout.section(".symtab").orElseThrow();
            List<ElfSymbol> symbols = layout.symbols(symtab);
            this.symbolCount = symbols.size();
            for (ElfSymbol s : symbols) {
                if (s.shndx() == Elf.SHN_UNDEF && s.index() != 0) {
                    undefinedSymbols.add(s.index());
                }
            }
            for (SectionHeader s : layout.sections()) {
                boolean annotation = s.name().startsWith(".klp.module_relocs.");
                if (s.type() == Elf.SHT_RELA) {
                    relocationSections.add(s);
                }
                if (annotation) {
                    annotations.add(s);
                }
                if (s.type() == Elf.SHT_RELA || s.type() == Elf.SHT_SYMTAB || s.type() == Elf.SHT_STRTAB || annotation
                        || s.name().equals(".text") || s.name().equals(".data")) {
                    interesting.add(s.index());
                }
            }
            for (String name : names.keySet()) {
                if (name.startsWith(KlpFormat.RELA_PREFIX)) {
                    klpRelaNames.add(name);
                } else if (!name.contains(ANNOTATION_PREFIX)) {
                    otherRelaNames.add(name);
                }
            }
        }

        /**
         * Prepares {@code c}; mutated symbols files are written under {@code temp}, seeds derive
         * from {@code baseSeed}.
         */
        public static Target of(ConversionCase c, Path temp, long baseSeed) throws Exception {
            return of(c, Files.readAllBytes(c.input()), temp, baseSeed);
        }

        /** Like {@link #of(ConversionCase, Path, long)} with the input's bytes given (a smaller seed). */
        public static Target of(ConversionCase c, byte[] input, Path temp, long baseSeed) throws Exception {
            ElfFile original = ElfFile.parse(input, c.toString());
            List<String> extra = new ArrayList<>();
            for (SectionHeader s : original.sections()) {
                if (!s.name().isEmpty()) {
                    extra.add(".rela" + s.name());
                    extra.add(KlpFormat.relaSectionName(OBJECTS[0], s.name()));
                    extra.add(KlpFormat.relaSectionName(OBJECTS[1], s.name()));
                }
            }
            for (String object : OBJECTS) {
                extra.add(ANNOTATION_PREFIX + object);
                extra.add(".rela" + ANNOTATION_PREFIX + object);
            }
            extra.addAll(List.of(KlpFormat.RELA_PREFIX, KlpFormat.RELA_PREFIX + "x", ".rela", ".rela.", ""));
            for (SectionHeader s : original.sections()) {
                extra.add(s.name()); // duplicate names
            }
            RawElf.Renamable renamable = RawElf.withExtraNames(original.toByteArray(), extra);
            List<String> symbolNames = new ArrayList<>(List.of(".TOC.", "", "__ksymtab_x", ".klp.sym.vmlinux.x,0",
                    ".klp.sym.vmlinux.x", ".klp.sym..,", ".klp.sym." + OBJECTS[4] + ".x,1", "printk", "x\r"));
            for (ElfSymbol sym : original.symbols()) {
                if (sym.shndx() == Elf.SHN_UNDEF && !sym.name().isEmpty()) {
                    symbolNames.add(sym.name());
                    symbolNames.add(KlpFormat.symbolName(OBJECTS[0], sym.name(), 0));
                }
            }
            int strtab = (int) original.section(".symtab").orElseThrow().link();
            RawElf.Renamable both = RawElf.withExtraStrings(renamable.bytes(), strtab, symbolNames);
            return new Target(c, renamable.nameOffsets(), both, temp, baseSeed);
        }

        /** Mutant {@code i}: the same index always gives the same mutant. */
        public Mutant mutant(long i) throws Exception {
            Random random = new Random(seed() + i);
            byte[] module = base.clone();
            RawElf raw = new RawElf(layout, module);
            List<String> edits = new ArrayList<>();
            List<String> symbolEdits = new ArrayList<>();
            int count = 1 + random.nextInt(3);
            for (int k = 0; k < count; k++) {
                edit(raw, random, edits, symbolEdits);
            }
            Contract.Maps maps = symbolEdits.isEmpty() ? cachedMaps()
                    : mutatedMaps(mutateSymbols(random, symbolEdits), i);
            edits.addAll(symbolEdits);
            return new Mutant(module, maps, edits);
        }

        long seed() {
            return baseSeed + c.toString().hashCode() * 1_000_003L;
        }

        private int section(Random r) {
            return r.nextBoolean() ? interesting.get(r.nextInt(interesting.size())) : 1 + r.nextInt(n - 1);
        }

        private long index(Random r, long count) {
            long[] edges = {0, 1, count - 1, count, count + 1, 0xff00, 0xffff, 0xffffffffL};
            return r.nextInt(3) == 0 ? r.nextInt((int) Math.max(count, 1)) : edges[r.nextInt(edges.length)];
        }

        private <T> T pick(Random r, List<T> list) {
            return list.get(r.nextInt(list.size()));
        }

        private void rename(RawElf raw, int section, String name, List<String> edits) {
            raw.set(section, Field.NAME, names.get(name));
            edits.add("[" + section + "] named " + name);
        }

        private void edit(RawElf raw, Random r, List<String> edits, List<String> symbolEdits) {
            int s = section(r);
            switch (r.nextInt(23)) {
                case 0 -> {
                    int t = section(r);
                    long a = layout.section(s).nameOffset();
                    raw.set(s, Field.NAME, layout.section(t).nameOffset()).set(t, Field.NAME, a);
                    edits.add("swap names of [" + s + "] and [" + t + "]");
                }
                case 1 -> {
                    int type = TYPES[r.nextInt(TYPES.length)];
                    raw.set(s, Field.TYPE, type);
                    edits.add("[" + s + "] sh_type " + type);
                }
                case 2, 3 -> {
                    Field f = r.nextBoolean() ? Field.LINK : Field.INFO;
                    long v = index(r, n);
                    raw.set(s, f, v);
                    edits.add("[" + s + "] " + f + " " + v);
                }
                case 4 -> {
                    long size = HUGE[r.nextInt(HUGE.length)];
                    raw.set(s, Field.TYPE, Elf.SHT_NOBITS).set(s, Field.SIZE, size);
                    edits.add("[" + s + "] NOBITS size 0x" + Long.toHexString(size));
                }
                case 5 -> {
                    long e = ENTSIZES[r.nextInt(ENTSIZES.length)];
                    raw.set(s, Field.ENTSIZE, e);
                    edits.add("[" + s + "] sh_entsize 0x" + Long.toHexString(e));
                }
                case 6 -> {
                    int sym = r.nextBoolean() && !undefinedSymbols.isEmpty() ? pick(r, undefinedSymbols)
                            : r.nextInt(symbolCount);
                    int[] edges = {0, 0xff00, 0xff1f, 0xff20, 0xff21, 0xfff1, 0xfff2, 0xfffe, 0xffff, n, n - 1, 1};
                    int shndx = edges[r.nextInt(edges.length)];
                    raw.symbolShndx(symtab, sym, shndx);
                    edits.add("symbol " + sym + " st_shndx 0x" + Integer.toHexString(shndx));
                }
                case 7 -> {
                    int sym = r.nextBoolean() && !undefinedSymbols.isEmpty() ? pick(r, undefinedSymbols)
                            : r.nextInt(symbolCount);
                    if (r.nextBoolean()) {
                        int info = r.nextInt(256);
                        raw.symbolInfo(symtab, sym, info);
                        edits.add("symbol " + sym + " st_info 0x" + Integer.toHexString(info));
                    } else {
                        int name = pick(r, symbolNames);
                        raw.symbolName(symtab, sym, name);
                        edits.add("symbol " + sym + " st_name " + name);
                    }
                }
                case 8, 9, 10 -> relocationEdit(raw, r, edits);
                case 11 -> rename(raw, s, pick(r, klpRelaNames), edits);
                case 12 -> {
                    // A relocation section turned into a klp one for another base, maybe one
                    // the converter will want to reuse.
                    SectionHeader rela = pick(r, relocationSections);
                    SectionHeader base = layout.section(r.nextBoolean() ? s : (int) pick(r, relocationSections).info());
                    String name = KlpFormat.relaSectionName(OBJECTS[r.nextInt(2)], base.name());
                    if (base.index() != 0 && names.containsKey(name)) {
                        rename(raw, rela.index(), name, edits);
                        raw.set(rela.index(), Field.INFO, base.index());
                        edits.add("[" + rela.index() + "] INFO " + base.index());
                    }
                }
                case 13 -> {
                    // An annotation array, with or without a relocation section as companion.
                    String name = ANNOTATION_PREFIX + OBJECTS[r.nextInt(OBJECTS.length)];
                    rename(raw, s, name, edits);
                    if (r.nextBoolean()) {
                        rename(raw, pick(r, relocationSections).index(), ".rela" + name, edits);
                    }
                }
                case 14 -> rename(raw, s, pick(r, otherRelaNames), edits);
                case 15 -> {
                    if (annotations.isEmpty()) {
                        relocationEdit(raw, r, edits);
                        return;
                    }
                    SectionHeader a = pick(r, annotations);
                    int records = (int) (a.size() / 12);
                    int record = r.nextInt(Math.max(records, 1));
                    long pos = POSITIONS[r.nextInt(POSITIONS.length)];
                    raw.putWord(a.offset() + 12L * record + 8, pos);
                    edits.add(a.name() + " record " + record + " pos " + pos);
                }
                case 16 -> {
                    long align = new long[] {0, 3, 1L << 20, 1L << 40, -1L}[r.nextInt(5)];
                    raw.set(s, Field.ADDRALIGN, align);
                    edits.add("[" + s + "] sh_addralign 0x" + Long.toHexString(align));
                }
                case 17 -> {
                    // Alias another section's bytes, or shrink to a size the entry size may not divide.
                    SectionHeader h = layout.section(s);
                    SectionHeader other = layout.section(section(r));
                    if (r.nextBoolean() && other.hasFileData()) {
                        raw.set(s, Field.OFFSET, other.offset()).set(s, Field.SIZE, Math.min(other.size(), h.size()));
                        edits.add("[" + s + "] aliases the bytes of [" + other.index() + "]");
                    } else {
                        long size = new long[] {0, h.size() / 2, Math.max(h.size() - 1, 0)}[r.nextInt(3)];
                        raw.set(s, Field.SIZE, size);
                        edits.add("[" + s + "] sh_size " + size);
                    }
                }
                case 18 -> {
                    if (r.nextBoolean()) {
                        int machine = MACHINES[r.nextInt(MACHINES.length)];
                        raw.machine(machine);
                        edits.add("e_machine " + machine);
                    } else {
                        int names = r.nextBoolean() ? section(r) : layout.section(".strtab").orElseThrow().index();
                        raw.shstrndx(names);
                        edits.add("e_shstrndx " + names);
                    }
                }
                case 19 -> {
                    long[] flags = {Elf.SHF_INFO_LINK, Elf.SHF_LINK_ORDER, Elf.SHF_GROUP, Elf.SHF_RELA_LIVEPATCH,
                        Elf.SHF_ALLOC};
                    long f = flags[r.nextInt(flags.length)];
                    raw.set(s, Field.FLAGS, layout.section(s).flags() | f);
                    edits.add("[" + s + "] sh_flags |= 0x" + Long.toHexString(f));
                }
                case 20 -> {
                    // An extended index table for .symtab, made of whatever bytes a section has.
                    raw.set(s, Field.TYPE, Elf.SHT_SYMTAB_SHNDX).set(s, Field.LINK, symtab.index());
                    int sym = r.nextInt(symbolCount);
                    raw.symbolShndx(symtab, sym, Elf.SHN_XINDEX);
                    edits.add("[" + s + "] SYMTAB_SHNDX of .symtab, symbol " + sym + " SHN_XINDEX");
                }
                default -> symbolEdits.add(r.nextBoolean() ? "symbols: truncate" : "symbols: inject");
            }
        }

        private void relocationEdit(RawElf raw, Random r, List<String> edits) {
            SectionHeader rela = pick(r, relocationSections);
            int entries = (int) (rela.size() / rela.entsize());
            if (entries == 0) {
                return;
            }
            int e = r.nextInt(entries);
            switch (r.nextInt(3)) {
                case 0 -> {
                    long sym = index(r, symbolCount);
                    raw.relocationSymbol(rela, e, sym);
                    edits.add(rela.name() + " entry " + e + " symbol " + sym);
                }
                case 1 -> {
                    long[] offsets = {0, 1, 11, 12, 0x7fffffffL, 0xffffffffL, -1L, Long.MIN_VALUE};
                    long off = offsets[r.nextInt(offsets.length)];
                    raw.relocationOffset(rela, e, off);
                    edits.add(rela.name() + " entry " + e + " r_offset 0x" + Long.toHexString(off));
                }
                default -> {
                    int type = r.nextBoolean() ? r.nextInt(300) : r.nextInt();
                    raw.relocationType(rela, e, type);
                    edits.add(rela.name() + " entry " + e + " type " + type);
                }
            }
        }

        private byte[] mutateSymbols(Random r, List<String> symbolEdits) {
            byte[] text = smallSymbols(c);
            for (int k = 0; k < symbolEdits.size(); k++) {
                if (symbolEdits.get(k).endsWith("truncate")) {
                    int at = r.nextInt(text.length + 1);
                    text = java.util.Arrays.copyOf(text, at);
                    symbolEdits.set(k, "symbols: truncated at " + at);
                } else {
                    String name = undefinedName(r);
                    String[] lines = {"*\n", "__ksymtab_\n", name + "\r\n", name.isEmpty() ? "\0\n" : name.charAt(0)
                        + "\0" + name.substring(1) + "\n", "\0\n", "*vmlinux\r\n", "*\0vmlinux\n", "\n", "__ksymtab_"
                        + name + "\n", name + "\n", "*" + OBJECTS[4] + "\n" + name + "\n", " " + name + " \n",
                        "*btrfs\n" + name + "\n" + name + "\n", "\r\n"};
                    String line = lines[r.nextInt(lines.length)];
                    int at = lineStart(text, r.nextInt(text.length + 1));
                    ByteArrayOutputStream out = new ByteArrayOutputStream();
                    out.write(text, 0, at);
                    out.writeBytes(line.getBytes(ISO_8859_1));
                    out.write(text, at, text.length - at);
                    text = out.toByteArray();
                    symbolEdits.set(k, "symbols: at " + at + " " + escape(line));
                }
            }
            return text;
        }

        private String undefinedName(Random r) {
            try {
                if (undefinedSymbols.isEmpty()) {
                    return "x";
                }
                return layout.symbols(symtab).get(pick(r, undefinedSymbols)).name();
            } catch (KlpException e) {
                throw new AssertionError(e);
            }
        }

        /** The case's own symbols file, as a full and as a lean map (cached). */
        public Contract.Maps cachedMaps() {
            String arch = c.arch();
            return new Contract.Maps() {
                @Override
                public SymbolMap full() throws KlpException {
                    return fullMap(c);
                }

                @Override
                public SymbolMap lean(Set<String> wanted) throws KlpException {
                    List<Object> key = List.of(arch, Set.copyOf(wanted));
                    SymbolMap map = LEAN_MAPS.get(key);
                    if (map == null) {
                        if (LEAN_MAPS.size() > 64) {
                            LEAN_MAPS.clear(); // each holds the whole file: keep long runs in the heap
                        }
                        // the cut-down file answers the corpus names as the whole one does, and a
                        // mutant's new set of names costs a parse of kilobytes, not megabytes
                        map = SymbolMap.parse(smallSymbols(c), c.symbols().toString(), wanted);
                        LEAN_MAPS.put(key, map);
                    }
                    return map;
                }
            };
        }

        private Contract.Maps mutatedMaps(byte[] text, long i) throws Exception {
            // One file per thread, rewritten for each mutant: a long run must not fill the disk.
            Path file = temp.resolve(c.arch() + "-" + c.module() + "-" + Thread.currentThread().getId() + ".klp");
            Files.write(file, text);
            return new Contract.Maps() {
                @Override
                public SymbolMap full() throws KlpException {
                    return SymbolMap.parse(text, file.toString(), null);
                }

                @Override
                public SymbolMap lean(Set<String> wanted) throws KlpException {
                    return SymbolMap.load(file, wanted);
                }
            };
        }
    }

    private static int lineStart(byte[] text, int at) {
        while (at > 0 && text[at - 1] != '\n') {
            at--;
        }
        return at;
    }

    private static String escape(String s) {
        return s.replace("\0", "\\0").replace("\r", "\\r").replace("\n", "\\n");
    }

    /** The case's symbols file indexed in full, loaded once per architecture. */
    public static SymbolMap fullMap(ConversionCase c) throws KlpException {
        SymbolMap map = FULL_MAPS.get(c.arch());
        if (map == null) {
            map = SymbolMap.load(c.symbols());
            FULL_MAPS.put(c.arch(), map);
        }
        return map;
    }

    /**
     * The arch's symbols file cut down to its object lines and the lines about names that
     * some corpus input of the arch leaves undefined: it answers those modules exactly as the
     * whole file does, and is small enough to parse for every mutant.
     */
    public static synchronized byte[] smallSymbols(ConversionCase c) {
        return SMALL_SYMBOLS.computeIfAbsent(c.arch(), arch -> {
            try {
                Set<String> wanted = new HashSet<>();
                for (ConversionCase other : TestData.conversionCases()) {
                    if (other.arch().equals(arch)) {
                        ElfFile f = ElfFile.parse(Files.readAllBytes(other.input()), other.toString());
                        for (ElfSymbol s : f.symbols()) {
                            if (s.shndx() == Elf.SHN_UNDEF) {
                                wanted.add(s.name());
                            }
                        }
                    }
                }
                StringBuilder out = new StringBuilder();
                List<String> lines = Files.readAllLines(c.symbols(), ISO_8859_1);
                out.append(lines.get(0)).append('\n');
                for (String line : lines.subList(1, lines.size())) {
                    String name = line.startsWith("__ksymtab_") ? line.substring(10) : line;
                    if (line.startsWith("*") || wanted.contains(name)) {
                        out.append(line).append('\n');
                    }
                }
                return out.toString().getBytes(ISO_8859_1);
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        });
    }
}
