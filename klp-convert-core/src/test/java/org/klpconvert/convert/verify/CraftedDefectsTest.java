package org.klpconvert.convert.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.klpconvert.elf.Elf;
import org.klpconvert.elf.ElfFile;
import org.klpconvert.elf.edit.ElfEditor;
import org.klpconvert.elf.edit.LayoutPolicy;
import org.klpconvert.elf.edit.RawContent;
import org.klpconvert.elf.edit.Relocation;
import org.klpconvert.elf.edit.RelocationTable;
import org.klpconvert.elf.edit.Section;
import org.klpconvert.elf.edit.Symbol;
import org.klpconvert.symbols.SymbolMap;
import org.klpconvert.testdata.ConversionCase;
import org.klpconvert.testdata.TestData;

/**
 * One defect at a time, edited into a module the C tool converted (which verifies clean):
 * each must fire exactly the rule written for it.
 */
class CraftedDefectsTest {
    private static final Verifier PLAIN = Verifier.builder().build();

    private static ConversionCase kase(String arch, String module) {
        return TestData.conversionCases().stream().filter(c -> c.arch().equals(arch) && c.module().equals(module))
                .findFirst().orElseThrow();
    }

    private static ElfEditor open(ConversionCase c) throws Exception {
        ElfEditor e = ElfEditor.open(ElfFile.read(c.expected()));
        assertEquals(Set.of(), rules(e, PLAIN), c + " verifies clean before the edit");
        return ElfEditor.open(ElfFile.read(c.expected()));
    }

    /** The rule IDs of the non-INFO findings of the edited module. */
    private static Set<String> rules(ElfEditor e, Verifier v) throws Exception {
        ElfFile edited = ElfFile.parse(e.write(LayoutPolicy.PRESERVE), e.source().source());
        return v.verify(edited).stream().filter(f -> f.severity() != Severity.INFO).map(Finding::rule)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static Section section(ElfEditor e, String name) {
        return e.section(name).orElseThrow(() -> new AssertionError("no section " + name));
    }

    private static Section symtab(ElfEditor e) {
        return section(e, ".symtab");
    }

    private static Symbol klpSymbol(ElfEditor e, String prefix) {
        return symtab(e).symbols().symbols().stream().filter(s -> s.name().startsWith(prefix)).findFirst()
                .orElseThrow(() -> new AssertionError("no symbol " + prefix + "*"));
    }

    private static byte[] bytes(Section s) {
        return ((RawContent) s.content()).bytes().clone();
    }

    @Test
    void klpSectionWithoutAllocIsKr2() throws Exception {
        ElfEditor e = open(kase("x86_64", "klp_conv1"));
        Section klp = section(e, ".klp.rela.vmlinux..text");
        klp.setFlags(klp.flags() & ~Elf.SHF_ALLOC);
        assertEquals(Set.of("KR2"), rules(e, PLAIN));
    }

    @Test
    void klpSymbolWithoutSymposIsKs2() throws Exception {
        ElfEditor e = open(kase("s390", "klp_conv1"));
        Symbol sym = klpSymbol(e, ".klp.sym.vmlinux.");
        e.rename(symtab(e), sym, sym.name().substring(0, sym.name().lastIndexOf(',')));
        assertEquals(Set.of("KS2"), rules(e, PLAIN));
    }

    @Test
    void klpSymbolThatIsUndefinedIsKs1() throws Exception {
        ElfEditor e = open(kase("arm64", "klp_conv1"));
        klpSymbol(e, ".klp.sym.vmlinux.").setSpecialIndex(Elf.SHN_UNDEF);
        assertEquals(Set.of("KS1"), rules(e, PLAIN));
    }

    @Test
    void klpSectionIntoANonAllocTargetIsKr6() throws Exception {
        ElfEditor e = open(kase("x86_64", "klp_conv_data"));
        Section target = section(e, ".data..read_mostly");
        target.setFlags(target.flags() & ~Elf.SHF_ALLOC);
        assertEquals(Set.of("KR6"), rules(e, PLAIN));
    }

    @Test
    void vmlinuxSymbolInAModuleSectionIsKs3FromKernel58() throws Exception {
        ElfEditor e = open(kase("x86_64", "klp_conv2"));
        Symbol sym = klpSymbol(e, ".klp.sym.btrfs.");
        e.rename(symtab(e), sym, sym.name().replace(".klp.sym.btrfs.", ".klp.sym.vmlinux."));
        assertEquals(Set.of("KS3"), rules(e, PLAIN));
        assertEquals(Set.of("KS3"), rules(e, Verifier.builder().kernel(KernelVersion.parse("5.8")).build()));
        assertEquals(Set.of(), rules(e, Verifier.builder().kernel(KernelVersion.parse("5.7")).build()));
    }

    @Test
    void nonZeroBytesUnderAnX86KlpRelocationAreKr11() throws Exception {
        ElfEditor e = open(kase("x86_64", "klp_conv1"));
        Section klp = section(e, ".klp.rela.vmlinux..text");
        Relocation r = klp.relocations().entries().get(0);
        Section text = klp.infoSection();
        byte[] b = bytes(text);
        b[(int) r.offset()] = 1;
        text.setContent(new RawContent(b));
        assertEquals(Set.of("KR11"), rules(e, PLAIN));
    }

    @Test
    void ppc64BlWithoutNopIsKr12() throws Exception {
        ElfEditor e = open(kase("ppc64le", "klp_conv1"));
        boolean patched = false;
        for (Section s : e.sections()) {
            if (!s.name().startsWith(".klp.rela.") || patched) {
                continue;
            }
            Section target = s.infoSection();
            ByteBuffer b = ByteBuffer.wrap(bytes(target)).order(ByteOrder.LITTLE_ENDIAN);
            for (Relocation r : s.relocations().entries()) {
                if (r.type() == 10 && (b.getInt((int) r.offset()) & 0xfc000003) == 0x48000001) {
                    b.putInt((int) r.offset() + 4, 0x12345678);
                    target.setContent(new RawContent(b.array()));
                    patched = true;
                    break;
                }
            }
        }
        assertTrue(patched, "no klp bl in ppc64le/klp_conv1");
        assertEquals(Set.of("KR12"), rules(e, PLAIN));
    }

    @Test
    void ppc64leWithZeroEflagsIsKm5() throws Exception {
        ElfEditor e = open(kase("ppc64le", "klp_conv2"));
        e.setFlags(0);
        assertEquals(Set.of("KM5"), rules(e, PLAIN));
    }

    @Test
    void commonSymbolIsKm6() throws Exception {
        ElfEditor e = open(kase("ppc32", "klp_conv1"));
        Symbol common = new Symbol("", 0, Elf.STB_GLOBAL << 4 | Elf.STT_OBJECT, 0, null, Elf.SHN_COMMON, 4, 4);
        symtab(e).symbols().add(common);
        e.rename(symtab(e), common, "klpt_common_counter");
        assertEquals(Set.of("KM6"), rules(e, PLAIN));
    }

    @Test
    void modinfoWithoutLivepatchKeyIsKm3() throws Exception {
        ElfEditor e = open(kase("s390", "klp_conv2"));
        Section modinfo = section(e, ".modinfo");
        String text = new String(bytes(modinfo), StandardCharsets.ISO_8859_1);
        assertTrue(text.contains("livepatch="), text);
        modinfo.setContent(new RawContent(text.replace("livepatch=", "livepatcX=").getBytes(StandardCharsets.ISO_8859_1)));
        assertEquals(Set.of("KM3"), rules(e, PLAIN));
    }

    @Test
    void twoKlpSectionsForOneObjectAndTargetAreKr14() throws Exception {
        ElfEditor e = open(kase("x86_64", "klp_conv_sections"));
        Section klp = section(e, ".klp.rela.vmlinux..text");
        Relocation moved = klp.relocations().entries().get(0);
        klp.relocations().removeIf(r -> r == moved);
        copyWithEntries(e, klp, klp.name(), List.of(moved));
        assertEquals(Set.of("KR14"), rules(e, PLAIN));
    }

    @Test
    void objectNameWithADashIsKs8() throws Exception {
        ElfEditor e = open(kase("x86_64", "klp_conv_data"));
        for (Section s : new ArrayList<>(e.sections())) {
            if (s.name().startsWith(".klp.rela.sunrpc.")) {
                copyWithEntries(e, s, s.name().replace(".sunrpc.", ".sun-rpc."), s.relocations().entries());
                e.remove(s);
            }
        }
        for (Symbol sym : symtab(e).symbols().symbols()) {
            if (sym.name().startsWith(".klp.sym.sunrpc.")) {
                e.rename(symtab(e), sym, sym.name().replace(".sunrpc.", ".sun-rpc."));
            }
        }
        // the patch's klp_object would carry the kernel's spelling: KO1 finds it, KS8 reports the dash
        Section rodata = section(e, ".rodata");
        byte[] old = bytes(rodata);
        byte[] grown = Arrays.copyOf(old, old.length + 8);
        System.arraycopy("sun_rpc\0".getBytes(StandardCharsets.ISO_8859_1), 0, grown, old.length, 8);
        rodata.setContent(new RawContent(grown));
        assertEquals(Set.of("KS8"), rules(e, PLAIN));
    }

    @Test
    void symposBeyondTheCountIsKp1() throws Exception {
        ConversionCase c = kase("x86_64", "klp_conv1");
        SymbolMap map = CorpusVerifyTest.map(c.symbols());
        Verifier withSymbols = Verifier.builder().symbols(map).build();
        ElfEditor e = ElfEditor.open(ElfFile.read(c.expected()));
        assertEquals(Set.of(), rules(e, withSymbols));
        Symbol sym = klpSymbol(e, ".klp.sym.vmlinux.");
        KlpNames.SymbolName name = KlpNames.symbol(sym.name(), 511);
        int count = map.count(name.object(), name.name());
        assertTrue(count >= 1, sym.name());
        e.rename(symtab(e), sym, ".klp.sym.vmlinux." + name.name() + "," + (count + 1));
        assertEquals(Set.of("KP1"), rules(e, withSymbols));
        List<Finding> kp1 = withSymbols.verify(ElfFile.parse(e.write(LayoutPolicy.PRESERVE), "m.ko")).stream()
                .filter(f -> f.rule().equals("KP1")).toList();
        assertEquals("livepatch: symbol position " + (count + 1) + " for symbol '" + name.name()
                + "' in object 'vmlinux' not found", kp1.get(0).kernelMessage());
    }

    /** A new klp section like {@code model}, with that name and those entries, appended. */
    private static void copyWithEntries(ElfEditor e, Section model, String name, List<Relocation> entries) {
        Section copy = e.addSection(name, Elf.SHT_RELA, model.flags(), new RelocationTable(true, entries));
        copy.setLink(model.link());
        copy.setInfoSection(model.infoSection());
        copy.setEntsize(model.entsize());
        copy.setAddralign(model.addralign());
    }
}
