package org.klpconvert.symbols;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.klpconvert.testdata.TestData;

/** Reading then writing gives back the same bytes (task: write the model back as read). */
class SymbolFileRoundTripTest {

    static byte[] roundTrip(SymbolMap map) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (SymbolFileWriter writer = new SymbolFileWriter(out)) {
            map.accept(writer);
        }
        return out.toByteArray();
    }

    @ParameterizedTest
    @MethodSource("org.klpconvert.testdata.TestData#conformanceArches")
    void corpusFilesRoundTrip(String arch) throws IOException {
        Path file = TestData.symbolsFile(arch);
        assertArrayEquals(Files.readAllBytes(file), roundTrip(SymbolMap.load(file)));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "klp-convert-symbol-data.0.1",
        "klp-convert-symbol-data.0.1\n",
        "klp-convert-symbol-data.0.1 suffix\r\n*\n\n\n",
        "klp-convert-symbol-data.0.1\n*vmlinux\r\nfoo\r\n__ksymtab_foo\nbar baz\n*vm\0x\nlast",
        "klp-convert-symbol-data.0.1\n*a\n__ksymtab_\n*a\nx\n\n",
    })
    void edgeCasesRoundTrip(String text) throws IOException {
        byte[] bytes = text.getBytes(ISO_8859_1);
        assertArrayEquals(bytes, roundTrip(SymbolMap.parse(bytes.clone(), "t", null)));
    }
}
