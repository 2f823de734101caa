package org.klpconvert.symbols.gen;

import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.klpconvert.elf.Elf;
import org.klpconvert.elf.ElfFile;
import org.klpconvert.testdata.Tools;

/**
 * The kbuild oracle {@code LC_ALL=C nm -f posix FILE | cut -d' ' -f1} (klp-convert.md §3.3), run
 * once for many files: nm then prints a {@code FILE:} line before each file's block.
 *
 * <p>The oracle must be an nm that knows the object's machine: an nm built without the
 * aarch64 target reads the object through the generic ELF backend and lists the mapping
 * symbols {@code $x}/{@code $d} that kbuild's (cross or multiarch) nm hides. So each object
 * goes to the host {@code nm} when its BFD target list names the object's format, else to
 * the machine's cross {@code <triplet>-nm}.
 */
final class NmOracle {

    /** Supported-target lists by program, read once per JVM from {@code nm --help}. */
    private static final Map<String, String> TARGETS = new ConcurrentHashMap<>();

    /** One line of nm's posix output: name, type letter, value (0 when empty). */
    record NmLine(String name, String type, long value) {
    }

    private NmOracle() {
    }

    /**
     * The nm program that knows the object's machine, class and byte order, or empty when no
     * installed nm does.
     */
    static Optional<String> programFor(ElfFile elf) {
        String target = bfdTarget(elf);
        if (target == null) {
            return Optional.empty();
        }
        List<String> candidates = new ArrayList<>(List.of("nm"));
        candidates.addAll(crossPrefixes(elf.header().machine()).stream().map(p -> p + "nm").toList());
        return candidates.stream()
                .filter(program -> Tools.find(program).isPresent())
                .filter(program -> List.of(TARGETS.computeIfAbsent(program, NmOracle::supportedTargets).split(" "))
                        .contains(target))
                .findFirst();
    }

    /** What a missing oracle for this object is, for a skip or failure message. */
    static String missingFor(ElfFile elf) {
        String target = bfdTarget(elf);
        return target == null
                ? "no nm oracle for e_machine " + elf.header().machine()
                : "no nm that supports " + target + " (install binutils-multiarch or binutils-"
                        + crossPrefixes(elf.header().machine()).get(0).replaceAll("-$", "") + ")";
    }

    /** The BFD target name binutils gives objects of this machine, class and byte order. */
    private static String bfdTarget(ElfFile elf) {
        boolean little = elf.byteOrder() == ByteOrder.LITTLE_ENDIAN;
        String bits = elf.is64() ? "elf64-" : "elf32-";
        return switch (elf.header().machine()) {
            case Elf.EM_X86_64 -> bits + "x86-64";
            case Elf.EM_AARCH64 -> bits + (little ? "littleaarch64" : "bigaarch64");
            case Elf.EM_PPC64, Elf.EM_PPC -> bits + (little ? "powerpcle" : "powerpc");
            case Elf.EM_S390 -> bits + "s390";
            default -> null;
        };
    }

    /** The Debian cross-binutils prefixes of a machine, the usual one first. */
    private static List<String> crossPrefixes(int machine) {
        return switch (machine) {
            case Elf.EM_X86_64 -> List.of("x86_64-linux-gnu-");
            case Elf.EM_AARCH64 -> List.of("aarch64-linux-gnu-");
            case Elf.EM_PPC64 -> List.of("powerpc64le-linux-gnu-", "powerpc64-linux-gnu-");
            case Elf.EM_PPC -> List.of("powerpc-linux-gnu-");
            case Elf.EM_S390 -> List.of("s390x-linux-gnu-");
            default -> List.of();
        };
    }

    /** The words after {@code supported targets:} in the program's help text. */
    private static String supportedTargets(String program) {
        String marker = "supported targets:";
        return Tools.run(program, "--help").lines().filter(l -> l.contains(marker))
                .map(l -> l.substring(l.indexOf(marker) + marker.length()).trim())
                .findFirst().orElse("");
    }

    /** nm's lines per file, in nm's order, as printed by {@code program}. */
    static Map<Path, List<NmLine>> run(String program, List<Path> files) {
        Map<String, Path> byHeader = new HashMap<>();
        List<String> command = new ArrayList<>(List.of(program, "-f", "posix"));
        for (Path file : files) {
            byHeader.put(file + ":", file);
            command.add(file.toString());
        }
        Map<Path, List<NmLine>> result = new HashMap<>();
        List<NmLine> current = null;
        for (String line : Tools.run(command).split("\n", -1)) {
            Path header = files.size() > 1 ? byHeader.get(line) : null;
            if (header != null) {
                current = result.computeIfAbsent(header, f -> new ArrayList<>());
            } else if (!line.isEmpty() || current == null) {
                if (current == null) {
                    current = result.computeIfAbsent(files.get(0), f -> new ArrayList<>());
                }
                if (!line.isEmpty()) {
                    current.add(parse(line));
                }
            }
        }
        return result;
    }

    private static NmLine parse(String line) {
        String[] fields = line.split(" ", -1);
        long value = fields.length > 2 && !fields[2].isEmpty() ? Long.parseUnsignedLong(fields[2], 16) : 0;
        return new NmLine(fields[0], fields.length > 1 ? fields[1] : "", value);
    }
}
