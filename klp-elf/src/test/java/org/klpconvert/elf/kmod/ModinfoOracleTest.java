package org.klpconvert.elf.kmod;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.klpconvert.elf.ElfFile;
import org.klpconvert.testdata.TestData;
import org.klpconvert.testdata.Tools;

/**
 * {@link ModuleInfo} against kmod: for every module of the Debian kernel's tree (and every
 * readable corpus module), {@link ModuleInfo#modinfoText} must equal what {@code modinfo FILE}
 * prints without the signature lines of signed modules, and {@link ModuleInfo#modversionsText}
 * what {@code modprobe --dump-modversions FILE} prints. Count and time are printed.
 */
class ModinfoOracleTest {
    private static final Path MODULES = Path.of("/lib/modules");
    private static final List<String> SIGNATURE_KEYS = List.of("sig_id:", "signer:", "sig_key:", "sig_hashalgo:",
            "signature:");

    @Test
    void everyModuleShowsAsKmodShowsIt() throws Exception {
        assumeTrue(Tools.available("modinfo"), Tools.reason("modinfo"));
        assumeTrue(Tools.available("modprobe"), Tools.reason("modprobe"));
        List<Path> modules = new ArrayList<>(TestData.allCorpusObjects().stream().filter(ModinfoOracleTest::readable)
                .toList());
        if (Files.isDirectory(MODULES)) {
            try (Stream<Path> s = Files.walk(MODULES)) {
                modules.addAll(s.filter(p -> p.toString().endsWith(".ko") && Files.isRegularFile(p)).sorted().toList());
            }
        } else if (Tools.isCi()) {
            fail("no Debian module tree under " + MODULES + " (CI=true: the kernel package is required)");
        }
        long start = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(2, Runtime.getRuntime().availableProcessors()));
        List<Future<String>> results = new ArrayList<>();
        for (Path m : modules) {
            results.add(pool.submit(() -> compare(m)));
        }
        List<String> problems = new ArrayList<>();
        long withVersions = 0;
        for (Future<String> f : results) {
            String problem = f.get();
            if (problem != null && !problem.isEmpty()) {
                problems.add(problem);
            } else if (problem != null) {
                withVersions++;
            }
        }
        pool.shutdown();
        System.out.printf("modinfo oracle: %d modules, %d identical to modinfo, %d __versions tables identical to"
                + " modprobe --dump-modversions, %d s%n", modules.size(), modules.size() - problems.size(),
                withVersions, (System.nanoTime() - start) / 1_000_000_000);
        assertEquals(List.of(), problems.stream().limit(20).collect(Collectors.toList()),
                problems.size() + " modules differ from kmod");
    }

    /** kmod's text without the signature block: its keys and the tab-indented lines that continue {@code signature:}. */
    private static String withoutSignature(String text) {
        StringBuilder out = new StringBuilder();
        boolean inSignature = false;
        for (String line : text.split("\n", -1)) {
            if (inSignature && line.startsWith("\t")) {
                continue;
            }
            inSignature = line.startsWith("signature:");
            if (SIGNATURE_KEYS.stream().noneMatch(line::startsWith)) {
                out.append(line).append('\n');
            }
        }
        return out.substring(0, out.length() - 1);
    }

    private static boolean readable(Path p) {
        try {
            ModuleInfo.of(ElfFile.read(p));
            return true;
        } catch (IOException e) {
            return false; // the corpus's deliberately broken inputs
        }
    }

    /** null: modinfo identical, no __versions; "": both identical; else the difference. */
    private static String compare(Path module) {
        try {
            ModuleInfo info = ModuleInfo.of(ElfFile.read(module));
            String kmod = withoutSignature(Tools.run("modinfo", module.toString()));
            String ours = info.modinfoText(module.toAbsolutePath().toString());
            if (!kmod.equals(ours)) {
                return module + ": modinfo differs:\n" + kmod + "--- klp-elf:\n" + ours;
            }
            if (info.versions().isEmpty()) {
                return null;
            }
            String versions = Tools.run("modprobe", "--dump-modversions", module.toString());
            return versions.equals(info.modversionsText()) ? "" : module + ": modprobe --dump-modversions differs";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
