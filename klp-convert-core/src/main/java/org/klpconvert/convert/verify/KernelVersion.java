package org.klpconvert.convert.verify;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The target kernel's version, as far as the rules depend on it: {@code KSYM_NAME_LEN} is 512
 * from v6.1 and 128 before, and module-specific klp sections may not use vmlinux symbols from
 * v5.8 (kernel-rules.md sections 1 and 3.4).
 *
 * @param major the major version
 * @param minor the minor (patch level) version
 */
public record KernelVersion(int major, int minor) implements Comparable<KernelVersion> {

    /** Newer than any real kernel: the newest rules apply. */
    public static final KernelVersion NEWEST = new KernelVersion(Integer.MAX_VALUE, 0);

    private static final KernelVersion V5_8 = new KernelVersion(5, 8);
    private static final KernelVersion V6_1 = new KernelVersion(6, 1);
    private static final Pattern FORM = Pattern.compile("v?(\\d{1,4})\\.(\\d{1,4})([.\\-+~].*)?");

    /**
     * Checks that both numbers are non-negative.
     *
     * @param major the major number
     * @param minor the minor number
     */
    public KernelVersion {
        if (major < 0 || minor < 0) {
            throw new IllegalArgumentException("negative kernel version " + major + "." + minor);
        }
    }

    /**
     * Parses {@code 6.1}, {@code v5.4}, {@code 6.1.0-13-amd64} and the like; only the first
     * two numbers count.
     *
     * @param text the version text
     * @return the version
     * @throws IllegalArgumentException the text is not a kernel version
     */
    public static KernelVersion parse(String text) {
        Matcher m = FORM.matcher(text.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("not a kernel version (expected e.g. 6.1 or 5.4.0-150): " + text);
        }
        return new KernelVersion(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
    }

    /** {@return the longest symbol name the klp symbol parser accepts: {@code KSYM_NAME_LEN - 1}} */
    public int maxSymbolNameLength() {
        return compareTo(V6_1) >= 0 ? 511 : 127;
    }

    /**
     * {@return whether vmlinux klp sections are applied by the module loader and module-specific ones
     * may not refer to vmlinux symbols (v5.8 and later)}
     */
    public boolean splitsVmlinuxRelocations() {
        return compareTo(V5_8) >= 0;
    }

    @Override
    public int compareTo(KernelVersion other) {
        int c = Integer.compare(major, other.major);
        return c != 0 ? c : Integer.compare(minor, other.minor);
    }

    @Override
    public String toString() {
        return this.equals(NEWEST) ? "newest" : major + "." + minor;
    }
}
