package org.klpconvert.symbols.gen;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.klpconvert.elf.ElfFile;

/** Finding module files, naming their objects, and recognising livepatch modules. */
public final class ModuleFiles {

    private static final Pattern MODULE = Pattern.compile(".*\\.ko(\\.(xz|zst|gz))?");
    private static final Pattern SUFFIX = Pattern.compile("\\.(o|ko(\\.(xz|zst|gz))?)$");
    private static final byte[] LIVEPATCH = "livepatch=".getBytes(StandardCharsets.ISO_8859_1);

    private ModuleFiles() {
    }

    /**
     * {@return every {@code .ko}, {@code .ko.xz}, {@code .ko.zst} and {@code .ko.gz} file under
     * {@code dir}, in byte-wise order of their path relative to {@code dir}}
     *
     * @param dir the module tree
     * @throws IOException if a file cannot be read or written
     */
    public static List<Path> find(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(p -> MODULE.matcher(p.getFileName().toString()).matches() && Files.isRegularFile(p))
                    .sorted((a, b) -> dir.relativize(a).toString().compareTo(dir.relativize(b).toString()))
                    .toList();
        }
    }

    /**
     * {@return the object name of a module file: its basename without {@code .o}, {@code .ko},
     * {@code .ko.xz} and so on, with {@code -} turned into {@code _} unless {@code raw}
     * (klp-convert.md §3.3: the kernel's module names always use {@code _})}
     *
     * @param file the module file
     * @param raw whether to keep the file name as is (upstream kbuild) instead of normalising it
     */
    public static String objectName(Path file, boolean raw) {
        String base = SUFFIX.matcher(file.getFileName().toString()).replaceFirst("");
        return raw ? base : base.replace('-', '_');
    }

    /**
     * {@return whether the module's {@code .modinfo} has a {@code livepatch=} entry (what modpost lists
     * in {@code modules.livepatch}); such modules are left out of the symbols file}
     *
     * @param module the module
     */
    public static boolean isLivepatch(ElfFile module) {
        return module.section(".modinfo").map(s -> hasEntry(module.contentBytes(s))).orElse(false);
    }

    /** Whether one of the NUL-separated strings of {@code modinfo} starts with {@code livepatch=}. */
    private static boolean hasEntry(byte[] modinfo) {
        int start = 0;
        while (start < modinfo.length) {
            if (modinfo.length - start >= LIVEPATCH.length
                    && java.util.Arrays.equals(modinfo, start, start + LIVEPATCH.length, LIVEPATCH, 0, LIVEPATCH.length)) {
                return true;
            }
            while (start < modinfo.length && modinfo[start] != 0) {
                start++;
            }
            start++;
        }
        return false;
    }
}
