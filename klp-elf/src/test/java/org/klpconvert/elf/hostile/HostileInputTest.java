package org.klpconvert.elf.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.klpconvert.elf.Elf;
import org.klpconvert.elf.ElfFile;
import org.klpconvert.elf.ElfFormatException;
import org.klpconvert.elf.SectionHeader;
import org.klpconvert.elf.edit.ElfEditor;
import org.klpconvert.elf.edit.GroupContent;
import org.klpconvert.elf.edit.LayoutPolicy;
import org.klpconvert.elf.edit.Section;
import org.klpconvert.testdata.TestData;

/**
 * Broken objects built from real ones, one defect at a time. Each must be refused with an
 * {@link ElfFormatException} that names the file, an offset and the defect.
 */
class HostileInputTest {
    private static final String NAME = "hostile.ko";

    private static byte[] object(String arch) throws IOException {
        return Files.readAllBytes(TestData.conformanceDir().resolve(arch).resolve("klp_conv1.tmp.ko"));
    }

    private static Patcher patcher(String arch) throws IOException {
        return new Patcher(object(arch));
    }

    /** Asserts the refusal and that its message says what is wrong, by the given words. */
    private static ElfFormatException refused(byte[] bytes, String... words) {
        ElfFormatException e = assertThrows(ElfFormatException.class, () -> Exercise.all(bytes, NAME));
        assertEquals(NAME, e.file());
        assertTrue(e.getMessage().startsWith(NAME + ": "), e.getMessage());
        assertTrue(e.offset() >= 0, "no offset: " + e.getMessage());
        for (String w : words) {
            assertTrue(e.reason().contains(w), "'" + w + "' not in: " + e.getMessage());
        }
        return e;
    }

    @ParameterizedTest
    @ValueSource(strings = {"x86_64", "ppc32", "s390"})
    void truncatedAtAnyLength(String arch) throws IOException {
        byte[] whole = object(arch);
        int step = Math.max(1, whole.length / 400);
        for (int length = 0; length < whole.length; length += length < 80 ? 1 : step) {
            byte[] cut = Arrays.copyOf(whole, length);
            ElfFormatException e = assertThrows(ElfFormatException.class, () -> Exercise.all(cut, NAME),
                    "length " + length);
            assertEquals(NAME, e.file());
        }
    }

    @Test
    void notElf() {
        refused("hello, world\n".getBytes(), "not an ELF file");
        refused(new byte[0], "not an ELF file");
    }

    @ParameterizedTest
    @ValueSource(strings = {"x86_64", "ppc32"})
    void sectionHeaderTableCorruption(String arch) throws IOException {
        int length = object(arch).length;
        refused(patcher(arch).header("e_shnum", 0xfff0).bytes(), "section header table", "extends past end of file");
        refused(patcher(arch).header("e_shoff", length - 8).bytes(), "section header table");
        refused(patcher(arch).header("e_shoff", -64).bytes(), "section header table");
        refused(patcher(arch).header("e_shentsize", 63).bytes(), "e_shentsize is 63");
        refused(patcher(arch).header("e_shstrndx", 0xfeff).bytes(), "e_shstrndx");
    }

    @ParameterizedTest
    @ValueSource(strings = {"x86_64", "ppc32"})
    void extendedCountsThatDoNotFit(String arch) throws IOException {
        // e_shnum 0 means "the count is in section 0's sh_size": make that count absurd.
        refused(patcher(arch).header("e_shnum", 0).section(0, "sh_size", 1L << 30).bytes(), "section header table");
        refused(patcher(arch).header("e_shnum", 0).section(0, "sh_size", 0).bytes(), "e_shstrndx");
        refused(patcher(arch).header("e_shnum", 0).section(0, "sh_size", -1).bytes(), "section header table");
        refused(patcher(arch).header("e_shstrndx", 0xffff).section(0, "sh_link", 1 << 30).bytes(), "e_shstrndx");
    }

    @ParameterizedTest
    @ValueSource(strings = {"x86_64", "ppc32"})
    void sectionContentOutOfRange(String arch) throws IOException {
        int length = object(arch).length;
        refused(patcher(arch).section(".text", "sh_offset", length + 1L).bytes(), "extends past end of file");
        refused(patcher(arch).section(".text", "sh_size", length).bytes(), "extends past end of file");
        refused(patcher(arch).section(".symtab", "sh_size", 0x7ffffffffffffff0L).bytes(), "extends past end of file");
        refused(patcher(arch).section(".symtab", "sh_offset", -1).bytes(), "extends past end of file");
        // Section 0 must not hold data either, whatever its type says.
        refused(patcher(arch).section(0, "sh_type", Elf.SHT_PROGBITS).section(0, "sh_offset", length * 2L)
                .section(0, "sh_size", 16).bytes(), "section [0]");
    }

    @ParameterizedTest
    @ValueSource(strings = {"x86_64", "ppc32"})
    void alignmentsThatCannotBeLaidOut(String arch) throws IOException {
        refused(patcher(arch).section(".text", "sh_addralign", 3).bytes(), "sh_addralign 0x3, not a power of two");
        refused(patcher(arch).section(".text", "sh_addralign", 1L << 30).bytes(), "sh_addralign 0x40000000, above");
        refused(patcher(arch).section(".text", "sh_addralign", 0x80000000L).bytes(), "sh_addralign 0x80000000");
        Patcher many = patcher(arch);
        for (int i = 1; i < many.original().sections().size(); i++) {
            many.section(i, "sh_addralign", 1 << 24);
        }
        refused(many.bytes(), "bytes of padding");
    }

    @ParameterizedTest
    @ValueSource(strings = {"x86_64", "ppc32"})
    void wrongEntrySizes(String arch) throws IOException {
        refused(patcher(arch).section(".symtab", "sh_entsize", 0).bytes(), ".symtab has sh_entsize 0");
        refused(patcher(arch).section(".symtab", "sh_entsize", 7).bytes(), ".symtab has sh_entsize 7");
        refused(patcher(arch).section(".rela.text", "sh_entsize", 0).bytes(), ".rela.text has sh_entsize 0");
        refused(patcher(arch).section(".rela.text", "sh_entsize", 1L << 40).bytes(), ".rela.text has sh_entsize");
        Patcher odd = patcher(arch);
        odd.section(".rela.text", "sh_size", odd.section(".rela.text").size() - 1);
        refused(odd.bytes(), "not a multiple");
    }

    @ParameterizedTest
    @ValueSource(strings = {"x86_64", "ppc32"})
    void brokenLinks(String arch) throws IOException {
        Patcher p = patcher(arch);
        int text = p.section(".text").index();
        refused(patcher(arch).section(".symtab", "sh_link", 0).bytes(), "not a string table");
        refused(patcher(arch).section(".symtab", "sh_link", text).bytes(), "not a string table");
        refused(patcher(arch).section(".symtab", "sh_link", 0xffffffffL).bytes(), "not a string table");
        ElfFile file = ElfFile.parse(patcher(arch).section(".rela.text", "sh_link", 4000).bytes(), NAME);
        ElfFormatException e = assertThrows(ElfFormatException.class,
                () -> file.relocations(file.section(".rela.text").orElseThrow()));
        assertTrue(e.reason().contains("sh_link 4000"), e.getMessage());
        ElfFile toText = ElfFile.parse(patcher(arch).section(".rela.text", "sh_link", text).bytes(), NAME);
        e = assertThrows(ElfFormatException.class,
                () -> toText.relocations(toText.section(".rela.text").orElseThrow()));
        assertTrue(e.reason().contains("not a symbol table"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"x86_64", "ppc32"})
    void stringsOutOfRange(String arch) throws IOException {
        Patcher p = patcher(arch);
        long strtab = p.section(".strtab").size();
        refused(patcher(arch).symbol(20, "st_name", strtab).bytes(), "name of symbol 20", "past the end of .strtab");
        refused(patcher(arch).symbol(20, "st_name", -1).bytes(), "name of symbol 20");
        refused(patcher(arch).section(".text", "sh_name", 1 << 20).bytes(), "section name of", "past the end");
        // The last string loses its NUL: a name that runs off the end of the table.
        SectionHeader s = p.section(".strtab");
        refused(patcher(arch).put(s.offset() + s.size() - 1, (byte) 'x').symbol(20, "st_name", s.size() - 1).bytes(),
                "not NUL-terminated");
        SectionHeader names = p.section(".shstrtab");
        refused(patcher(arch).put(names.offset() + names.size() - 1, (byte) 'x')
                .section(".text", "sh_name", names.size() - 1).bytes(), "not NUL-terminated");
        refused(patcher(arch).section(".shstrtab", "sh_type", Elf.SHT_PROGBITS).bytes(), "is not SHT_STRTAB");
    }

    @ParameterizedTest
    @ValueSource(strings = {"x86_64", "ppc32"})
    void symbolIndicesOutOfRange(String arch) throws IOException {
        refused(patcher(arch).relocationSymbol(".rela.text", 0, 0xffffff).bytes(), "rela entry symbol 16777215");
        refused(patcher(arch).symbol(20, "st_shndx", 0xfe00).bytes(), "st_shndx 65024");
        // SHN_XINDEX with a too short extended table: the .symtab_shndx claims no entries.
        Patcher p = patcher(arch);
        p.symbol(20, "st_shndx", Elf.SHN_XINDEX);
        refused(p.section(".text", "sh_type", Elf.SHT_SYMTAB_SHNDX).section(".text", "sh_size", 4)
                .section(".text", "sh_link", p.section(".symtab").index()).bytes(), "has 1 entries, but .symtab has");
    }

    @ParameterizedTest
    @ValueSource(strings = {"x86_64", "ppc32"})
    void groupMembersOutOfRange(String arch) throws Exception {
        ElfEditor editor = ElfEditor.open(ElfFile.parse(object(arch), "base"));
        Section text = editor.section(".text").orElseThrow();
        Section group = editor.addSection(".group", Elf.SHT_GROUP, 0, new GroupContent(1, List.of(text)));
        group.setLink(editor.section(".symtab").orElseThrow());
        group.setEntsize(4);
        group.setAddralign(4);
        byte[] good = editor.write(LayoutPolicy.LIBELF);
        Exercise.all(good, "with a group"); // well-formed before the damage
        Patcher p = new Patcher(good);
        SectionHeader g = p.section(".group");
        refused(new Patcher(good).section(".group", "sh_size", 2).bytes(), "group section .group has size 2");
        Patcher bad = new Patcher(good);
        java.nio.ByteBuffer.wrap(bad.bytes()).order(p.original().byteOrder()).putInt((int) g.offset() + 4, 99999);
        ElfFormatException e = refused(bad.bytes(), "lists member 99999");
        assertEquals(g.offset() + 4, e.offset());
    }
}
