package org.klpconvert.convert.fuzz;

import java.io.IOException;

import net.jqwik.api.ForAll;
import net.jqwik.api.GenerationMode;
import net.jqwik.api.Property;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * The fuzz property in {@code mvn verify}: {@code jqwik.tries.default} (junit-platform
 * properties: 3000) seed-fixed cases of {@link FuzzCases}. Crashes are counted over the whole
 * run and reported at its end, each with the triple that rebuilds it.
 */
class FuzzContractTest {
    @BeforeContainer
    static void start() throws IOException {
        FuzzCases.start();
    }

    @AfterContainer
    static void report() throws IOException {
        FuzzCases.report();
    }

    @Property(seed = "4711", generation = GenerationMode.RANDOMIZED, shrinking = ShrinkingMode.OFF)
    void everyInputSucceedsOrIsRefusedWithATypedError(@ForAll FuzzCases.Target target,
            @ForAll @IntRange(min = 0, max = 1 << 20) int pick, @ForAll long seed) {
        FuzzCases.runCase(target, pick, seed);
    }
}
