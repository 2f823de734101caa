package org.klpconvert.symbols;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The parsing rules of klp-convert.md §3.1 and the C messages of §2.4 (M10-M13). */
class SymbolMapParseTest {

    static final String HEADER = "klp-convert-symbol-data.0.1\n";

    @TempDir
    Path dir;

    static SymbolMap parse(String text) throws SymbolMapFormatException {
        return SymbolMap.parse(text.getBytes(ISO_8859_1), "symbols.klp", null);
    }

    static SymbolMapFormatException refused(String text) {
        return assertThrows(SymbolMapFormatException.class, () -> parse(text));
    }

    @Test
    void missingFileIsM10() {
        SymbolMapFormatException e = assertThrows(SymbolMapFormatException.class,
                () -> SymbolMap.load(dir.resolve("nope.klp")));
        assertEquals(SymbolMapFormatException.Kind.CANNOT_OPEN, e.kind());
        assertEquals("Unable to open Symbol list: " + dir.resolve("nope.klp"), e.cText());
    }

    @Test
    void emptyFileIsM11() throws IOException {
        Path empty = Files.createFile(dir.resolve("empty.klp"));
        SymbolMapFormatException e = assertThrows(SymbolMapFormatException.class, () -> SymbolMap.load(empty));
        assertEquals(SymbolMapFormatException.Kind.EMPTY, e.kind());
        assertEquals("Unable to read Symbol list: " + empty, e.cText());
    }

    @Test
    void directoryIsM11LikeC() {
        SymbolMapFormatException e = assertThrows(SymbolMapFormatException.class, () -> SymbolMap.load(dir));
        assertEquals(SymbolMapFormatException.Kind.EMPTY, e.kind());
    }

    @Test
    void wrongHeaderIsM12() {
        SymbolMapFormatException e = refused("klp-convert-symbol-data.0.2\n*vmlinux\nfoo\n");
        assertEquals(SymbolMapFormatException.Kind.UNKNOWN_FORMAT, e.kind());
        assertEquals("Symbol list is in unknown format.", e.cText());
        assertEquals(1, e.line());
        assertEquals("klp-convert-symbol-data.0.2", e.text());
    }

    @Test
    void headerSplitOverTwoLinesIsM12() {
        assertEquals(SymbolMapFormatException.Kind.UNKNOWN_FORMAT,
                refused("klp-convert-symbol-data.0\n.1\n*vmlinux\n").kind());
        assertEquals(SymbolMapFormatException.Kind.UNKNOWN_FORMAT, refused("\n").kind());
        assertEquals(SymbolMapFormatException.Kind.UNKNOWN_FORMAT, refused("klp-convert-symbol-data.0.").kind());
    }

    @Test
    void headerWithSuffixIsAccepted() throws SymbolMapFormatException {
        SymbolMap map = parse("klp-convert-symbol-data.0.1xyz and more\n*vmlinux\nfoo\n");
        assertEquals(1, map.count("vmlinux", "foo"));
    }

    @Test
    void headerAloneWithoutNewlineIsAnEmptyMap() throws SymbolMapFormatException {
        SymbolMap map = parse("klp-convert-symbol-data.0.1");
        assertEquals(0, map.entryCount());
        assertEquals(List.of(), map.objects());
    }

    @Test
    void symbolBeforeObjectIsM13() {
        SymbolMapFormatException e = refused(HEADER + "foo\n*vmlinux\n");
        assertEquals(SymbolMapFormatException.Kind.SYMBOL_BEFORE_OBJECT, e.kind());
        assertEquals("File format error\n", e.cText());
        assertEquals(2, e.line());
        assertEquals("foo", e.text());
    }

    @Test
    void exportBeforeObjectIsM13Too() {
        assertEquals(SymbolMapFormatException.Kind.SYMBOL_BEFORE_OBJECT,
                refused(HEADER + "__ksymtab_foo\n*vmlinux\n").kind());
        assertEquals(SymbolMapFormatException.Kind.SYMBOL_BEFORE_OBJECT, refused(HEADER + "\n*vmlinux\n").kind());
    }

    @Test
    void carriageReturnStaysInTheName() throws SymbolMapFormatException {
        SymbolMap map = parse("klp-convert-symbol-data.0.1\r\n*vmlinux\r\nfoo\r\n");
        assertEquals(0, map.count("vmlinux", "foo"));
        assertEquals(1, map.count("vmlinux\r", "foo\r"));
        assertEquals(List.of(new SymbolEntry("vmlinux\r", "foo\r", 0)), map.matches("foo\r"));
    }

    @Test
    void starAloneIsAnObjectWithAnEmptyName() throws SymbolMapFormatException {
        SymbolMap map = parse(HEADER + "*\nfoo\n");
        assertEquals(List.of(""), map.objects());
        assertEquals(1, map.count("", "foo"));
    }

    @Test
    void blankLinesAreEmptyNames() throws SymbolMapFormatException {
        SymbolMap map = parse(HEADER + "*vmlinux\n\nfoo\n\n");
        assertEquals(2, map.count("vmlinux", ""));
        assertEquals(List.of(new SymbolEntry("vmlinux", "", 1), new SymbolEntry("vmlinux", "", 2)), map.matches(""));
    }

    @Test
    void lastLineWithoutNewlineIsRead() throws SymbolMapFormatException {
        SymbolMap map = parse(HEADER + "*vmlinux\nfoo\nbar");
        assertEquals(1, map.count("vmlinux", "bar"));
    }

    @Test
    void objectsAccumulate() throws SymbolMapFormatException {
        SymbolMap map = parse(HEADER + "*vmlinux\nfoo\n*btrfs\nfoo\n*vmlinux\nfoo\n");
        assertEquals(2, map.count("vmlinux", "foo"));
        assertEquals(List.of("vmlinux", "btrfs"), map.objects());
        assertEquals(List.of(new SymbolEntry("vmlinux", "foo", 1), new SymbolEntry("btrfs", "foo", 0),
                new SymbolEntry("vmlinux", "foo", 2)), map.matches("foo"));
    }

    @Test
    void ksymtabLinesAreExportedWhateverTheObject() throws SymbolMapFormatException {
        SymbolMap map = parse(HEADER + "*btrfs\n__ksymtab_foo\nbar\n*vmlinux\n__ksymtab_\n__ksymta_baz\n");
        assertTrue(map.exported("foo"));
        assertTrue(map.exported(""));
        assertFalse(map.exported("bar"));
        assertFalse(map.exported("baz"));
        assertEquals(List.of(), map.matches("__ksymtab_foo"));
        assertEquals(1, map.count("vmlinux", "__ksymta_baz"));
        assertEquals(2, map.exportedCount());
    }

    @Test
    void wholeLineIsTheNameSpacesIncluded() throws SymbolMapFormatException {
        SymbolMap map = parse(HEADER + "*vmlinux\nfoo bar\n foo\n");
        assertEquals(1, map.count("vmlinux", "foo bar"));
        assertEquals(1, map.count("vmlinux", " foo"));
        assertEquals(0, map.count("vmlinux", "foo"));
    }

    @Test
    void nameStopsAtNulLikeACString() throws SymbolMapFormatException {
        SymbolMap map = parse(HEADER + "*vmlinux\0junk\nfoo\0bar\n__ksymtab_baz\0\n");
        assertEquals(1, map.count("vmlinux", "foo"));
        assertTrue(map.exported("baz"));
        assertEquals(0, map.count("vmlinux", "foo\0bar"));
    }

    @Test
    void bytesAreLatin1NotUtf8() throws SymbolMapFormatException {
        byte[] text = (HEADER + "*vmlinux\n").getBytes(ISO_8859_1);
        byte[] file = java.util.Arrays.copyOf(text, text.length + 3);
        file[text.length] = (byte) 0xc3;
        file[text.length + 1] = (byte) 0xa9;
        file[text.length + 2] = '\n';
        SymbolMap map = SymbolMap.parse(file, "x", null);
        assertEquals(1, map.count("vmlinux", "\u00c3\u00a9"));
        assertEquals(0, map.count("vmlinux", "\u00e9"));
        assertEquals(0, map.count("vmlinux", "\u4e00"));
    }
}
