package org.klpconvert.elf.hostile;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Random;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.klpconvert.elf.ElfFile;
import org.klpconvert.elf.ElfFormatException;
import org.klpconvert.elf.ElfHeader;
import org.klpconvert.testdata.TestData;

/**
 * Deterministic mutation fuzzing: a seeded random walk of byte edits over one input object
 * per architecture. Every mutant must either pass all reading paths or fail with
 * {@link ElfFormatException}; no other exception, no hang.
 */
class MutationFuzzTest {
    /** Mutants per object: more for the small ELF32 one, whose every run is cheap. */
    private static int mutants(byte[] object) {
        return object.length < 65536 ? 2000 : 500;
    }

    @TestFactory
    Stream<DynamicTest> mutantsFailOnlyWithElfFormatException() {
        return TestData.conformanceArches().stream().map(arch -> DynamicTest.dynamicTest(arch, () -> {
            Path p = TestData.conformanceDir().resolve(arch).resolve("klp_conv1.tmp.ko");
            byte[] original = Files.readAllBytes(p);
            ElfHeader header = ElfFile.parse(original, p.toString()).header();
            Random random = new Random(arch.hashCode());
            int count = mutants(original);
            int[] refused = new int[1];
            assertTimeoutPreemptively(Duration.ofSeconds(120), () -> {
                for (int i = 0; i < count; i++) {
                    byte[] mutant = original.clone();
                    int edits = 1 + random.nextInt(4);
                    for (int k = 0; k < edits; k++) {
                        mutate(mutant, header, random);
                    }
                    try {
                        Exercise.all(mutant, arch + " mutant " + i);
                    } catch (ElfFormatException expected) {
                        refused[0]++; // the only acceptable failure
                    } catch (RuntimeException | OutOfMemoryError | StackOverflowError e) {
                        throw new AssertionError(arch + " mutant " + i + ": " + e, e);
                    }
                }
            });
            System.out.println("mutation fuzz " + arch + ": " + count + " mutants, " + refused[0]
                    + " refused with ElfFormatException, the rest read and written");
        }));
    }

    /**
     * The same walk over executables and shared libraries of the system (dynamic section,
     * versions, notes, segments): every mutant is inspected and dumped with all nine options,
     * or refused with {@link ElfFormatException}.
     */
    @TestFactory
    Stream<DynamicTest> dynamicObjectMutantsFailOnlyWithElfFormatException() {
        return Stream.of("/usr/lib/x86_64-linux-gnu/libz.so.1", "/usr/bin/true").map(Path::of)
                .filter(p -> Files.isReadable(p) || org.klpconvert.testdata.Tools.isCi())
                .map(p -> DynamicTest.dynamicTest(p.toString(), () -> {
                    byte[] original = Files.readAllBytes(p);
                    ElfHeader header = ElfFile.parse(original, p.toString()).header();
                    Random random = new Random(p.toString().hashCode());
                    int[] refused = new int[1];
                    assertTimeoutPreemptively(Duration.ofSeconds(120), () -> {
                        for (int i = 0; i < 300; i++) {
                            byte[] mutant = original.clone();
                            for (int k = 1 + random.nextInt(4); k > 0; k--) {
                                mutate(mutant, header, random);
                            }
                            try {
                                Exercise.inspect(ElfFile.parse(mutant, p + " mutant " + i));
                            } catch (ElfFormatException expected) {
                                refused[0]++;
                            } catch (RuntimeException | OutOfMemoryError | StackOverflowError e) {
                                throw new AssertionError(p + " mutant " + i + ": " + e, e);
                            }
                        }
                    });
                    System.out.println("mutation fuzz " + p + ": 300 mutants, " + refused[0]
                            + " refused with ElfFormatException, the rest inspected and dumped");
                }));
    }

    /**
     * One edit. Most of them hit the structures (ELF header, section header table, program
     * header table) where a wrong value is most interesting; the rest hit anywhere.
     */
    static void mutate(byte[] b, ElfHeader h, Random random) {
        int at;
        switch (random.nextInt(4)) {
            case 0 -> at = random.nextInt(h.ehsize());
            case 1 -> at = (int) h.shoff() + random.nextInt(h.shnum() * h.shentsize());
            case 2 -> at = h.phnum() == 0 ? random.nextInt(b.length)
                    : (int) h.phoff() + random.nextInt(h.phnum() * h.phentsize());
            default -> at = random.nextInt(b.length);
        }
        ByteBuffer buf = ByteBuffer.wrap(b).order(h.byteOrder());
        switch (random.nextInt(5)) {
            case 0 -> b[at] = (byte) random.nextInt(256);
            case 1 -> b[at] ^= (byte) (1 << random.nextInt(8));
            case 2 -> b[at] = (byte) (random.nextBoolean() ? 0 : 0xff);
            case 3 -> {
                if (at + 4 <= b.length) {
                    buf.putInt(at, random.nextBoolean() ? random.nextInt() : random.nextInt(1 << 16));
                }
            }
            default -> {
                if (at + 8 <= b.length) {
                    buf.putLong(at, random.nextLong() >>> random.nextInt(64));
                }
            }
        }
        if (at < 0 || at >= b.length) {
            fail("mutation outside the object");
        }
    }
}
