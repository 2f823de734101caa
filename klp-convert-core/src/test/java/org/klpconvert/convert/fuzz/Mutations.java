package org.klpconvert.convert.fuzz;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/** The edits of the fuzz harness, all driven by one {@link Random} so a seed rebuilds them. */
final class Mutations {
    /** Lines that a parser of one format may meet from another, or from nowhere. */
    private static final String[] ODD_LINES = {"", "*", "*vmlinux", "\0", "[", "]", "\t", " ", "  x", "x  y",
        "ffffffff81000000", "ffffffff81000000 T", "ffffffff81000000 T ", "ffffffff81000000 T x\t", "0 t x\t[",
        "0 t x\t[]", "0 t x\t[bpf]", "0x1\tx\tvmlinux\tEXPORT_SYMBOL", "0x1\t\t\t", "\u00ff\u00fe", "__ksymtab_",
        "klp-convert-symbol-data.0.1", "klp-convert-symbol-data.0.2", "\r", "x\r", "\u0001ELF", "g".repeat(5000)};

    private Mutations() {
    }

    /** {@code count} byte edits at random places: random bytes, bit flips, 0/0xff, 32- and 64-bit words. */
    static void bytes(byte[] b, int count, Random random) {
        if (b.length == 0) {
            return;
        }
        for (int k = 0; k < count; k++) {
            int at = random.nextInt(b.length);
            switch (random.nextInt(5)) {
                case 0 -> b[at] = (byte) random.nextInt(256);
                case 1 -> b[at] ^= (byte) (1 << random.nextInt(8));
                case 2 -> b[at] = (byte) (random.nextBoolean() ? 0 : 0xff);
                case 3 -> {
                    int n = Math.min(4, b.length - at);
                    int v = random.nextBoolean() ? random.nextInt() : random.nextInt(1 << 16);
                    for (int i = 0; i < n; i++) {
                        b[at + i] = (byte) (v >>> (8 * i));
                    }
                }
                default -> {
                    int n = Math.min(8, b.length - at);
                    long v = random.nextLong() >>> random.nextInt(64);
                    for (int i = 0; i < n; i++) {
                        b[at + i] = (byte) (v >>> (8 * i));
                    }
                }
            }
        }
    }

    /** {@code count} line edits: odd lines inserted, lines dropped, duplicated, cut, or the text truncated. */
    static String lines(String text, int count, Random random) {
        List<String> lines = new ArrayList<>(Arrays.asList(text.split("\n", -1)));
        for (int k = 0; k < count; k++) {
            int at = random.nextInt(lines.size() + 1);
            switch (random.nextInt(6)) {
                case 0, 1 -> lines.add(at, ODD_LINES[random.nextInt(ODD_LINES.length)]);
                case 2 -> {
                    if (at < lines.size()) {
                        lines.remove(at);
                    }
                }
                case 3 -> {
                    if (at < lines.size()) {
                        lines.add(at, lines.get(at));
                    }
                }
                case 4 -> {
                    if (at < lines.size() && !lines.get(at).isEmpty()) {
                        String line = lines.get(at);
                        lines.set(at, line.substring(0, random.nextInt(line.length())));
                    }
                }
                default -> {
                    String joined = String.join("\n", lines);
                    return joined.substring(0, random.nextInt(joined.length() + 1));
                }
            }
        }
        return String.join("\n", lines);
    }

    /** A {@code /proc/kallsyms} dump holding the names of a symbols file, objects as module fields. */
    static String kallsyms(String symbolsFile) {
        StringBuilder out = new StringBuilder();
        String object = "vmlinux";
        long address = 0xffffffff81000000L;
        for (String line : symbolsFile.split("\n")) {
            if (line.startsWith("*")) {
                object = line.substring(1);
            } else if (!line.startsWith("klp-convert-symbol-data")) {
                address += 16;
                out.append(Long.toHexString(address)).append(" t ").append(line);
                out.append(object.equals("vmlinux") ? "" : "\t[" + object + "]").append('\n');
            }
        }
        return out.toString();
    }

    /** A {@code System.map} holding the vmlinux names of a symbols file. */
    static String systemMap(String symbolsFile) {
        StringBuilder out = new StringBuilder();
        long address = 0xffffffff81000000L;
        for (String line : symbolsFile.split("\n")) {
            if (line.startsWith("*") && !line.equals("*vmlinux")) {
                break;
            }
            if (!line.startsWith("*") && !line.startsWith("klp-convert-symbol-data")) {
                address += 16;
                out.append(Long.toHexString(address)).append(" T ").append(line).append('\n');
            }
        }
        return out.toString();
    }

    /** A {@code Module.symvers} exporting the {@code __ksymtab_} names of a symbols file. */
    static String symvers(String symbolsFile) {
        StringBuilder out = new StringBuilder();
        for (String line : symbolsFile.split("\n")) {
            if (line.startsWith("__ksymtab_")) {
                out.append("0x12345678\t").append(line.substring(10)).append("\tvmlinux\tEXPORT_SYMBOL\t\n");
            }
        }
        return out.toString();
    }
}
