package org.klpconvert.elf.edit;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;

import org.junit.jupiter.api.Test;
import org.klpconvert.elf.Elf;
import org.klpconvert.elf.ElfFile;
import org.klpconvert.elf.ElfFormatException;
import org.klpconvert.elf.SectionHeader;
import org.klpconvert.testdata.TestData;

/** References that point nowhere are typed errors, on reading and on writing. */
class DanglingReferencesTest {

    private static byte[] x86Module() throws Exception {
        return Files.readAllBytes(TestData.conversionCases().stream()
                .filter(c -> c.toString().equals("x86_64/klp_conv1")).findFirst().orElseThrow().input());
    }

    @Test
    void writingWithoutTheSectionNameTableIsRefused() throws Exception {
        ElfEditor editor = ElfEditor.open(ElfFile.parse(x86Module(), "m.ko"));
        editor.remove(editor.sectionNames());
        for (LayoutPolicy policy : LayoutPolicy.values()) {
            ElfFormatException e = assertThrows(ElfFormatException.class, () -> editor.write(policy));
            assertTrue(e.getMessage().contains("section-name table .shstrtab was removed"), e.getMessage());
        }
    }

    @Test
    void anExtendedIndexWithoutItsTableIsAnError() throws Exception {
        byte[] m = x86Module();
        ElfFile f = ElfFile.parse(m, "m.ko");
        SectionHeader symtab = f.section(".symtab").orElseThrow();
        int symbol = (int) symtab.offset() + 5 * 24; // a local section symbol
        ByteBuffer.wrap(m).order(ByteOrder.LITTLE_ENDIAN).putShort(symbol + 6, (short) Elf.SHN_XINDEX);
        ElfFormatException e = assertThrows(ElfFormatException.class, () -> ElfFile.parse(m, "m.ko").symbols());
        assertTrue(e.getMessage().contains("symbol 5 has st_shndx SHN_XINDEX, but no SHT_SYMTAB_SHNDX"), e.getMessage());
    }
}
