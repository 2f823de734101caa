package org.klpconvert.testdata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;

import org.junit.jupiter.api.Test;

class TestDataTest {

    @Test
    void corpusHasTwentyFiveConversionsAndThirteenErrorCases() {
        assertEquals(25, TestData.conversionCases().size());
        assertEquals(13, TestData.errorCases().size());
        for (ConversionCase c : TestData.conversionCases()) {
            assertTrue(Files.isRegularFile(c.input()), c + " input");
            assertTrue(Files.isRegularFile(c.expected()), c + " expected output");
            assertTrue(Files.isRegularFile(c.symbols()), c + " symbols");
        }
        for (ErrorCase e : TestData.errorCases()) {
            assertEquals(255, e.expectedExit(), e + " exit");
            assertTrue(e.outputAbsent(), e + " output absent");
            assertTrue(!e.expectedLines().isEmpty(), e + " has required lines");
        }
    }

    @Test
    void symbolsFileStartsWithTheFormatHeader() throws Exception {
        byte[] head = new byte[27];
        try (var in = Files.newInputStream(TestData.symbolsFile("x86_64"))) {
            assertEquals(27, in.readNBytes(head, 0, 27));
        }
        assertEquals("klp-convert-symbol-data.0.1", new String(head, java.nio.charset.StandardCharsets.US_ASCII));
    }
}
