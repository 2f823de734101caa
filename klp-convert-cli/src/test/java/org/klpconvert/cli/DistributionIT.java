package org.klpconvert.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.klpconvert.testdata.ConversionCase;
import org.klpconvert.testdata.TestData;
import org.klpconvert.testdata.Tools;

/**
 * The distribution archive that {@code mvn package} makes, unpacked into a temporary
 * directory and used from there as a user would: the three-path conversion byte for byte
 * against the C tool's output, {@code klp-tool --version}, the class-data-sharing archive made
 * on first use in a per-user cache and used afterwards, and the documented files.
 */
class DistributionIT {
    @TempDir
    static Path unpacked;
    static Path home;

    @BeforeAll
    static void unpack() {
        Path archive = Path.of(System.getProperty("klp.distribution"));
        assertTrue(Files.isRegularFile(archive), "no distribution archive: " + archive);
        Tools.run("tar", "-xzf", archive.toString(), "-C", unpacked.toString());
        home = unpacked.resolve("klp-convert-" + System.getProperty("klp.version"));
    }

    @Test
    void layout() throws IOException {
        for (String file : List.of("bin/klp-convert", "bin/klp-tool", "LICENSE", "NOTICE", "lib/klp-convert-cli.jar",
                "lib/klp-elf.jar", "lib/klp-symbols.jar", "lib/klp-convert-core.jar", "lib/picocli.jar",
                "share/man/man1/klp-convert.1", "share/man/man1/klp-tool.1",
                "share/bash-completion/completions/klp-tool")) {
            assertTrue(Files.isRegularFile(home.resolve(file)), file);
        }
        assertTrue(Files.isExecutable(home.resolve("bin/klp-convert")));
        for (String page : List.of("klp-convert.1", "klp-tool.1")) {
            String text = Files.readString(home.resolve("share/man/man1").resolve(page));
            assertTrue(text.startsWith(".TH " + page.replace(".1", "").toUpperCase() + " 1 "), page);
        }
        String completion = Files.readString(home.resolve("share/bash-completion/completions/klp-tool"));
        for (String command : List.of("convert", "explain", "symbols", "dump", "verify", "header", "help")) {
            assertTrue(completion.contains(command), "completion lacks " + command);
        }
        try (Stream<Path> jars = Files.list(home.resolve("lib"))) {
            assertTrue(jars.noneMatch(j -> j.getFileName().toString().contains("-all")), "fat jar in lib/");
        }
    }

    @Test
    void convertsLikeTheCToolAndMakesItsStartupArchiveOnFirstUse(@TempDir Path work) throws Exception {
        ConversionCase c = TestData.conversionCases().stream().filter(k -> k.arch().equals("x86_64")).findFirst()
                .orElseThrow();
        Path cache = work.resolve("cache");
        Map<String, String> env = Map.of("KLP_CONVERT_CACHE", cache.toString());
        byte[] expected = Files.readAllBytes(c.expected());
        for (int run = 1; run <= 2; run++) {
            Path out = work.resolve("out" + run + ".ko");
            Launcher.Run result = Launcher.run(home.resolve("bin/klp-convert"), env, work,
                    c.symbols().toString(), c.input().toString(), out.toString());
            assertEquals(0, result.exit(), result.stderr());
            assertEquals("", result.stdout() + result.stderr());
            String which = c + " run " + run;
            FirstDifference.of(expected, Files.readAllBytes(out)).ifPresent(d -> fail(which + ": " + d));
            try (Stream<Path> files = Files.list(cache)) {
                List<Path> archives = files.toList();
                assertEquals(1, archives.size(), "cache after run " + run + ": " + archives);
                assertTrue(archives.get(0).toString().endsWith(".jsa"), archives.toString());
            }
        }
    }

    @Test
    void runsWithoutAnArchiveWhenTheCacheCannotBeWritten(@TempDir Path work) throws Exception {
        ConversionCase c = TestData.conversionCases().get(0);
        Path notADirectory = Files.writeString(work.resolve("file"), "x");
        Launcher.Run result = Launcher.run(home.resolve("bin/klp-convert"),
                Map.of("KLP_CONVERT_CACHE", notADirectory.resolve("cache").toString()), work,
                c.symbols().toString(), c.input().toString(), work.resolve("out.ko").toString());
        assertEquals(0, result.exit(), result.stderr());
        assertEquals("", result.stderr());
    }

    @Test
    void versionComesFromTheBuild(@TempDir Path work) throws Exception {
        String version = System.getProperty("klp.version");
        Map<String, String> env = Map.of("KLP_CONVERT_CACHE", work.toString());
        Launcher.Run top = Launcher.run(home.resolve("bin/klp-tool"), env, work, "--version");
        assertEquals(0, top.exit(), top.stderr());
        assertTrue(top.stdout().startsWith("klp-tool " + version + "\n"), top.stdout());
        for (String command : List.of("convert", "explain", "symbols", "dump", "verify", "header")) {
            Launcher.Run sub = Launcher.run(home.resolve("bin/klp-tool"), env, work, command, "--version");
            assertEquals(0, sub.exit(), command + ": " + sub.stderr());
            assertEquals(top.stdout(), sub.stdout(), command);
            Launcher.Run help = Launcher.run(home.resolve("bin/klp-tool"), env, work, "help", command);
            assertEquals(0, help.exit(), command + ": " + help.stderr());
            assertTrue(help.stdout().startsWith("Usage: klp-tool " + command), help.stdout());
        }
        assertTrue(new String(Files.readAllBytes(home.resolve("share/man/man1/klp-tool.1")), StandardCharsets.UTF_8)
                .contains("klp-convert " + version.replace("-", "\\-")));
    }

    @Test
    void shipsTheAnnotationHeaderThatKlpToolHeaderPrints(@TempDir Path work) throws Exception {
        Path header = home.resolve("include/klp_annot.h");
        assertTrue(Files.isRegularFile(header), "no include/klp_annot.h");
        Launcher.Run printed = Launcher.run(home.resolve("bin/klp-tool"), Map.of("KLP_CONVERT_CACHE", work.toString()),
                work, "header");
        assertEquals(0, printed.exit(), printed.stderr());
        assertEquals(Files.readString(header, StandardCharsets.US_ASCII), printed.stdout());
    }
}
