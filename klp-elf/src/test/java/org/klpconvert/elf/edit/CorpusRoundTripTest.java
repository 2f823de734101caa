package org.klpconvert.elf.edit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.klpconvert.elf.ElfFile;
import org.klpconvert.elf.ElfFormatException;
import org.klpconvert.testdata.TestData;

/**
 * Every ELF object of the corpus, inputs and the C tool's outputs, read into the editor and
 * written back: byte-identical in the preserve layout; and each C output (already in the
 * libelf layout) comes back identical when laid out again as libelf would. Both to an array
 * and streamed.
 */
class CorpusRoundTripTest {

    private static List<Path> objects() {
        return TestData.allCorpusObjects().stream().filter(CorpusRoundTripTest::isReadable).toList();
    }

    private static boolean isReadable(Path p) {
        try {
            ElfFile.read(p);
            return true;
        } catch (ElfFormatException e) {
            return false; // the broken inputs of the error cases
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @TestFactory
    Stream<DynamicTest> preserveLayoutIsByteIdentical() {
        return objects().stream().map(p -> DynamicTest.dynamicTest(name(p), () -> {
            byte[] in = Files.readAllBytes(p);
            byte[] out = ElfEditor.open(ElfFile.parse(in, p.toString())).write(LayoutPolicy.PRESERVE);
            assertSame(in, out, p);
            assertSame(in, streamed(ElfEditor.open(ElfFile.parse(in, p.toString())), LayoutPolicy.PRESERVE), p);
        }));
    }

    @TestFactory
    Stream<DynamicTest> libelfLayoutReproducesTheCToolsOutputs() {
        return TestData.conversionCases().stream().map(c -> DynamicTest.dynamicTest(c.toString(), () -> {
            byte[] expected = Files.readAllBytes(c.expected());
            byte[] out = ElfEditor.open(ElfFile.parse(expected, c.expected().toString())).write(LayoutPolicy.LIBELF);
            assertSame(expected, out, c.expected());
            ElfEditor again = ElfEditor.open(ElfFile.parse(expected, c.expected().toString()));
            assertSame(expected, streamed(again, LayoutPolicy.LIBELF), c.expected());
        }));
    }

    /** The object written through {@link ElfEditor#write(LayoutPolicy, java.io.OutputStream)}. */
    private static byte[] streamed(ElfEditor editor, LayoutPolicy policy) throws java.io.IOException {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        editor.write(policy, out);
        return out.toByteArray();
    }

    static void assertSame(byte[] expected, byte[] actual, Path p) {
        int n = Math.min(expected.length, actual.length);
        for (int i = 0; i < n; i++) {
            if (expected[i] != actual[i]) {
                fail(p + ": first difference at offset 0x" + Integer.toHexString(i) + " (expected length "
                        + expected.length + ", actual " + actual.length + ")");
            }
        }
        assertEquals(expected.length, actual.length, p + ": length");
    }

    private static String name(Path p) {
        Path root = TestData.conformanceDir();
        return root.relativize(p).toString();
    }
}
