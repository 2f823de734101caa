package org.klpconvert.convert.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every crash a fuzz campaign found, replayed from its (target, pick, seed) triple, which
 * rebuilds the same input: each must now succeed or be refused with a typed error.
 */
class FuzzRegressionTest {
    @BeforeAll
    static void start() throws IOException {
        FuzzCases.start();
    }

    @AfterAll
    static void report() throws IOException {
        FuzzCases.report();
    }

    @ParameterizedTest(name = "{0} pick={1} seed={2}: {3}")
    @CsvSource(delimiter = '|', value = {
        // dump -V read the entries of the first .gnu.version section for every such section:
        // a mutant with a second, longer one ran past the end of the first
        "EXECUTABLES | 91576  | -7233282562486003395 | ArrayIndexOutOfBoundsException in SymbolVersions.versym",
        "EXECUTABLES | 392161 | -4010874633106960631 | ArrayIndexOutOfBoundsException, the same",
    })
    void aCrashFoundByTheCampaignStaysFixed(FuzzCases.Target target, int pick, long seed, String crash) {
        long before = FuzzCases.crashCount();
        FuzzCases.runCase(target, pick, seed);
        assertEquals(before, FuzzCases.crashCount(), "see the fuzz crash line above");
    }
}
