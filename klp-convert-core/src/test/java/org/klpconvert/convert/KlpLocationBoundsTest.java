package org.klpconvert.convert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.klpconvert.convert.support.RawElf;
import org.klpconvert.convert.verify.Finding;
import org.klpconvert.convert.verify.Severity;
import org.klpconvert.convert.verify.Verifier;
import org.klpconvert.elf.ElfFile;
import org.klpconvert.elf.ElfRelocation;
import org.klpconvert.elf.SectionHeader;
import org.klpconvert.elf.edit.ElfEditor;
import org.klpconvert.elf.edit.LayoutPolicy;
import org.klpconvert.elf.edit.Relocation;
import org.klpconvert.elf.edit.RelocationTable;
import org.klpconvert.elf.edit.Section;
import org.klpconvert.symbols.SymbolMap;
import org.klpconvert.testdata.ConversionCase;
import org.klpconvert.testdata.TestData;

/**
 * Issue 9, finding 8: a klp relocation whose {@code r_offset} lies past the end of its
 * section would make the kernel write beyond the section. The converter refuses to make one,
 * and {@code verify} reports one (KR15), on every architecture (x86_64's zero-bytes check
 * used to skip such a location silently).
 */
class KlpLocationBoundsTest {
    private static ConversionCase kase(String arch) {
        return TestData.conversionCases().stream().filter(c -> c.toString().equals(arch + "/klp_conv1")).findFirst()
                .orElseThrow();
    }

    @Test
    void theConverterRefusesALocationPastTheSection() throws Exception {
        for (String arch : List.of("x86_64", "arm64", "s390", "ppc64le", "ppc32")) {
            ConversionCase c = kase(arch);
            byte[] module = Files.readAllBytes(c.input());
            Converter converter = new Converter(SymbolMap.load(c.symbols()));
            Set<String> moved = converter.convert(module.clone(), "m.ko").report().symbols().stream()
                    .map(ConvertedSymbol::name).collect(Collectors.toSet());
            ElfFile f = ElfFile.parse(module, c.toString());
            SectionHeader rela = null;
            int entry = -1;
            for (SectionHeader s : f.sections()) {
                if (s.type() != org.klpconvert.elf.Elf.SHT_RELA || s.name().startsWith(".klp") || entry >= 0) {
                    continue;
                }
                List<ElfRelocation> entries = f.relocations(s);
                for (int i = 0; i < entries.size() && entry < 0; i++) {
                    if (moved.contains(f.symbols().get(entries.get(i).symbol()).name())) {
                        rela = s;
                        entry = i;
                    }
                }
            }
            assertTrue(entry >= 0, arch + ": a relocation the converter moves");
            SectionHeader target = f.section((int) rela.info());
            new RawElf(f, module).relocationOffset(rela, entry, target.size() + 0x40);
            ConversionException e = assertThrows(ConversionException.class, () -> converter.convert(module, "m.ko"), arch);
            assertTrue(e.render().contains("lies past the end of " + target.name() + " (" + target.size() + " bytes)"),
                    e.render());
        }
    }

    @Test
    void verifyReportsALocationPastTheSectionAsKr15() throws Exception {
        for (String arch : List.of("x86_64", "arm64", "s390")) {
            ConversionCase c = kase(arch);
            ElfEditor e = ElfEditor.open(ElfFile.read(c.expected()));
            Section klp = e.section(".klp.rela.vmlinux..text").orElseThrow();
            List<Relocation> entries = new java.util.ArrayList<>(klp.relocations().entries());
            Relocation r = entries.get(0);
            entries.set(0, new Relocation(klp.infoSection().content().size(e.shape()) + 0x40, r.type(), r.symbol(),
                    r.addend()));
            klp.setContent(new RelocationTable(true, entries));
            ElfFile edited = ElfFile.parse(e.write(LayoutPolicy.PRESERVE), c.toString());
            Set<String> rules = Verifier.builder().build().verify(edited).stream()
                    .filter(f -> f.severity() != Severity.INFO).map(Finding::rule)
                    .collect(Collectors.toCollection(TreeSet::new));
            assertEquals(Set.of("KR15"), rules, arch);
        }
    }
}
