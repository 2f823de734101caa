package org.klpconvert.convert.verify;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.klpconvert.convert.KlpFormat;
import org.klpconvert.elf.Elf;
import org.klpconvert.elf.ElfFile;
import org.klpconvert.elf.SectionHeader;

/**
 * KO1: each module object named by a klp section should also be a {@code klp_object} of the
 * patch, whose {@code name} is a string literal; otherwise the kernel never applies that
 * section (kernel-rules.md section 3.4). A heuristic: the name, NUL-terminated, must occur in
 * allocated read-only data. A name with '-' is looked up with '_' instead: KS8 already
 * reports the dash, and the patch's {@code klp_object} carries the kernel's spelling.
 */
final class PatchStructureRules implements RuleFamily {

    @Override
    public void check(Context c) {
        ModuleView m = c.module();
        Map<String, SectionHeader> objects = new LinkedHashMap<>();
        for (SectionHeader s : m.klpSections) {
            KlpNames.SectionName name = KlpNames.section(s.name());
            if (name.ok() && !name.object().equals(KlpFormat.VMLINUX)) {
                objects.putIfAbsent(name.object(), s);
            }
        }
        if (objects.isEmpty()) {
            return;
        }
        List<byte[]> rodata = readOnlyData(m.file);
        objects.forEach((object, section) -> {
            String literal = object.replace('-', '_');
            if (rodata.stream().noneMatch(data -> contains(data, literal))) {
                c.report().add(Rule.KO1, ModuleView.place(section), "no string \"" + literal
                        + "\" in read-only data: if no klp_object names that module, these relocations are never applied");
            }
        });
    }

    private static List<byte[]> readOnlyData(ElfFile f) {
        List<byte[]> result = new ArrayList<>();
        for (SectionHeader s : f.sections()) {
            boolean readOnly = (s.flags() & (Elf.SHF_ALLOC | Elf.SHF_WRITE | Elf.SHF_EXECINSTR)) == Elf.SHF_ALLOC;
            if (readOnly && s.type() == Elf.SHT_PROGBITS) {
                result.add(f.contentBytes(s));
            }
        }
        return result;
    }

    /** Whether {@code text} followed by a NUL occurs in {@code data}. */
    private static boolean contains(byte[] data, String text) {
        byte[] needle = (text + "\0").getBytes(StandardCharsets.ISO_8859_1);
        outer:
        for (int i = 0; i + needle.length <= data.length; i++) {
            for (int k = 0; k < needle.length; k++) {
                if (data[i + k] != needle[k]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
