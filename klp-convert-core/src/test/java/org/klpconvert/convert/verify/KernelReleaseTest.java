package org.klpconvert.convert.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.klpconvert.elf.ElfFile;
import org.klpconvert.elf.kmod.ModuleInfo;
import org.klpconvert.testdata.ConversionCase;
import org.klpconvert.testdata.TestData;

/**
 * KM9/KM10, the vermagic check of {@code --kernel-release}: silent for the release the module
 * was built for, a WARN with modversions, and an ERROR without them (the {@code __versions}
 * section removed), on every corpus module the C tool converted.
 */
class KernelReleaseTest {

    private static List<String> rules(ElfFile module, String release) throws Exception {
        return Verifier.builder().kernelRelease(release).build().verify(module).stream()
                .filter(f -> f.rule().startsWith("KM9") || f.rule().startsWith("KM10"))
                .map(f -> f.rule() + " " + f.severity()).collect(Collectors.toList());
    }

    @Test
    void vermagicAgainstTheTargetRelease() throws Exception {
        for (ConversionCase c : TestData.conversionCases()) {
            ElfFile module = ElfFile.read(c.expected());
            ModuleInfo info = ModuleInfo.of(module);
            String release = info.kernelRelease().orElseThrow();
            assertEquals(List.of(), rules(module, release), c + ": its own release");
            assertEquals(List.of(info.versions().isEmpty() ? "KM9 ERROR" : "KM10 WARN"), rules(module, release + "x"),
                    c + ": another release");
        }
    }

    private static boolean hasVersions(ConversionCase c) {
        try {
            return ElfFile.read(c.expected()).section(ModuleInfo.VERSIONS).isPresent();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void withoutModversionsAnotherReleaseIsRefused() throws Exception {
        ConversionCase c = TestData.conversionCases().stream().filter(KernelReleaseTest::hasVersions).findFirst()
                .orElseThrow();
        byte[] bytes = ElfFile.read(c.expected()).toByteArray();
        ElfFile module = ElfFile.parse(bytes, c.expected().toString());
        int at = (int) (module.header().shoff() + (long) module.section(ModuleInfo.VERSIONS).orElseThrow().index()
                * module.header().shentsize());
        bytes[at] ^= 1; // the section's name offset: no longer "__versions"
        ElfFile renamed = ElfFile.parse(bytes, c.expected().toString());
        String release = ModuleInfo.of(renamed).kernelRelease().orElseThrow();
        List<Finding> findings = Verifier.builder().kernelRelease("9.9.9").build().verify(renamed).stream()
                .filter(f -> f.rule().equals("KM9")).toList();
        assertEquals(1, findings.size());
        assertEquals("vermagic release " + release + " is not the target release 9.9.9", findings.get(0).message());
    }
}
