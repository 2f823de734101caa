package org.klpconvert.convert.fuzz;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

/**
 * The long fuzz campaign of the {@code fuzz} profile ({@code bin/klp-fuzz}):
 * {@code klp.fuzz.cases} cases (default 1,000,000) of {@link FuzzCases} on
 * {@code klp.fuzz.threads} threads (default 2), each thread drawing its cases from its own
 * seeded generator, so a run is repeatable. Not a {@code *Test}: {@code mvn verify} does not
 * run it.
 */
class FuzzCampaign {
    private static final long SEED = Long.getLong("klp.fuzz.seed", 0x6b6c7066757a7aL);

    @Test
    void campaign() throws Exception {
        long cases = Long.getLong("klp.fuzz.cases", 1_000_000);
        int threads = Integer.getInteger("klp.fuzz.threads", 2);
        FuzzCases.Target[] targets = FuzzCases.Target.values();
        AtomicLong next = new AtomicLong();
        FuzzCases.start();
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            SplittableRandom random = new SplittableRandom(SEED + t);
            Thread worker = new Thread(() -> {
                while (next.getAndIncrement() < cases) {
                    FuzzCases.runCase(targets[random.nextInt(targets.length)], random.nextInt(1 << 20),
                            random.nextLong());
                }
            }, "fuzz-" + t);
            workers.add(worker);
            worker.start();
        }
        for (Thread worker : workers) {
            worker.join();
        }
        System.out.println("fuzz: " + threads + " threads, seed " + SEED);
        FuzzCases.report();
    }
}
