package org.klpconvert.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The real-kernel test on a machine whose kernel we build ourselves
 * (klp-testdata/real-kernel/run-arch.sh): our modules, converted by the packaged tools, patch
 * that kernel under qemu. Then each class of relocation the converter refuses on the machine is
 * forced into a converted module with the klp-elf editor, and the same kernel must refuse to
 * load it, while the converter refuses the same edit in the unconverted module.
 */
abstract class SelfBuiltKernelChecks {
    /** The machine as run-arch.sh names it. */
    abstract String arch();

    /** The refusal classes of this machine's handler. */
    abstract List<ForcedRelocation> refusals();

    @Test
    void convertedModulesPatchTheKernelAndForcedRefusalsAreRefusedByIt() throws Exception {
        Path work = Path.of("target", "real-kernel-" + arch()).toAbsolutePath();
        deleteTree(work);
        Files.createDirectories(work);
        Map<String, String> env = Map.of("KLP_RK_WORK", work.toString());
        RealKernelScript.run(env, "run-arch.sh", arch());

        Path forced = Files.createDirectories(work.resolve("forced"));
        StringBuilder expect = new StringBuilder();
        for (ForcedRelocation r : refusals()) {
            converterRefuses(work, r);
            r.apply(work.resolve("klp_rk_vmlinux.ko"), ".klp.rela.vmlinux.", ".klp.sym.vmlinux." + r.symbol() + ",0",
                    forced.resolve(r.file()));
            expect.append(r.file()).append('\t').append(r.errno()).append('\t').append(r.kernelLog()).append('\n');
        }
        Files.writeString(forced.resolve("expect.tsv"), expect, StandardCharsets.UTF_8);
        RealKernelScript.run(env, "run-arch.sh", arch(), "refusals", forced.toString());
    }

    /** The converter refuses the same edit made to the unconverted module's relocation. */
    private static void converterRefuses(Path work, ForcedRelocation r) throws IOException, InterruptedException {
        Path input = work.resolve("forced-input");
        Files.createDirectories(input);
        Path module = input.resolve(r.file().replace(".ko", ".tmp.ko"));
        r.apply(work.resolve("klp_rk_vmlinux.tmp.ko"), ".rela.", r.symbol(), module);
        Launcher.Run run = Launcher.run(work, "symbols.klp", module.toString(), input.resolve(r.file()).toString());
        System.out.println("    converter on " + module.getFileName() + ": exit " + run.exit() + ": "
                + run.stderr().strip());
        assertEquals(255, run.exit(), "the converter must refuse " + module);
        assertTrue(run.stderr().contains("cannot be converted: " + r.converterReason()),
                "refusal names the reason '" + r.converterReason() + "': " + run.stderr());
        assertTrue(Files.notExists(input.resolve(r.file())), "no output after a refusal");
    }

    /** Removes the work directory of an earlier run. */
    private static void deleteTree(Path dir) throws IOException {
        if (Files.notExists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
