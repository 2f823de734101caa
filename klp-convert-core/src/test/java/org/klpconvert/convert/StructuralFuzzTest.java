package org.klpconvert.convert;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.klpconvert.convert.support.Contract;
import org.klpconvert.convert.support.StructuralMutator;
import org.klpconvert.convert.support.RawElf;
import org.klpconvert.convert.support.RawElf.Field;
import org.klpconvert.elf.Elf;
import org.klpconvert.elf.ElfFile;
import org.klpconvert.elf.ElfSymbol;
import org.klpconvert.elf.KlpException;
import org.klpconvert.elf.SectionHeader;
import org.klpconvert.symbols.SymbolMap;
import org.klpconvert.testdata.ConversionCase;
import org.klpconvert.testdata.TestData;

/**
 * Seeded structural mutation fuzzing of the converter. Byte flips (klp-elf's
 * MutationFuzzTest) are mostly refused by the reader; these mutants are made of edits the
 * reader accepts and the converter has to cope with: section names, types, links and entry
 * sizes, symbol section indices, relocation symbols, offsets and types, annotation positions,
 * and odd lines in the symbols file. Every mutant must keep the {@link Contract}.
 *
 * <p>Mutant {@code i} of a case is built from {@code new Random(seed(case) + i)} alone, so a
 * failure message names everything needed to rebuild it.
 */
class StructuralFuzzTest {
    /** Longer runs: {@code -Dklp.fuzz.seed=<n> -Dklp.fuzz.mutants=<per case>}. */
    private static final long SEED = Long.getLong("klp.fuzz.seed", 0x6b6c702d66757aL);
    private static final int MUTANTS_PER_CASE = Integer.getInteger("klp.fuzz.mutants", 200);
    /**
     * About 0.4 s per batch is typical on an idle machine; the limit catches endless loops, not
     * slowness, so it leaves room for a machine shared by several builds (20 s was exceeded).
     */
    private static final Duration BATCH_LIMIT = Duration.ofMillis(180_000L * MUTANTS_PER_CASE / 200);
    /** Far above what one mutant needs (a few MB), far below a size read from the file. */
    private static final long ALLOCATION_LIMIT = 256L << 20;

    @TempDir
    static Path temp;

    @TestFactory
    Stream<DynamicTest> structuralMutantsKeepTheContract() {
        long[] totals = new long[3];
        Stream<DynamicTest> cases = TestData.conversionCases().stream()
                .map(c -> DynamicTest.dynamicTest(c.toString(), () -> runBatch(c, totals)));
        DynamicTest summary = DynamicTest.dynamicTest("summary", () -> {
            System.out.printf("structural fuzz: %d mutants in %d ms, %d converted%n", totals[0], totals[2] / 1_000_000,
                    totals[1]);
            assertTrue(totals[0] >= 25L * MUTANTS_PER_CASE, "every case ran");
        });
        return Stream.concat(cases, Stream.of(summary));
    }

    private static void runBatch(ConversionCase c, long[] totals) throws Exception {
        StructuralMutator.Target target = StructuralMutator.Target.of(c, temp, SEED);
        long start = System.nanoTime();
        int[] converted = new int[1];
        List<String> violations = new ArrayList<>();
        assertTimeoutPreemptively(BATCH_LIMIT, () -> {
            for (int i = 0; i < MUTANTS_PER_CASE; i++) {
                StructuralMutator.Mutant m = target.mutant(i);
                long before = allocated();
                try {
                    if (Contract.check(m.module(), m.maps()) == Contract.Outcome.CONVERTED) {
                        converted[0]++;
                    }
                } catch (AssertionError e) {
                    violations.add("mutant " + i + " " + m.edits() + ": " + e.getMessage() + where(e));
                }
                long used = allocated() - before;
                if (used > ALLOCATION_LIMIT) {
                    violations.add("mutant " + i + " " + m.edits() + " allocated " + (used >> 20) + " MB");
                }
            }
        }, () -> c + ": batch of " + MUTANTS_PER_CASE + " mutants exceeded " + BATCH_LIMIT);
        if (!violations.isEmpty()) {
            throw new AssertionError(c + ": " + violations.size() + " contract violations, the first:\n"
                    + String.join("\n", violations.subList(0, Math.min(violations.size(), 5))));
        }
        synchronized (totals) {
            totals[0] += MUTANTS_PER_CASE;
            totals[1] += converted[0];
            totals[2] += System.nanoTime() - start;
        }
    }

    /** Where the unchecked exception behind a violation was thrown. */
    private static String where(AssertionError e) {
        Throwable cause = e.getCause();
        if (cause == null || cause.getStackTrace().length == 0) {
            return "";
        }
        return " at " + cause.getStackTrace()[0];
    }

    private static long allocated() {
        return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean()).getCurrentThreadAllocatedBytes();
    }

}
