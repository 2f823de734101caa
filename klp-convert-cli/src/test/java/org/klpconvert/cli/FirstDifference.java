package org.klpconvert.cli;

import java.util.Optional;

import org.klpconvert.elf.ElfFile;
import org.klpconvert.elf.SectionHeader;

/** Where two objects first differ, named by the section holding that offset in each. */
final class FirstDifference {
    private FirstDifference() {
    }

    /** Empty when the arrays are equal. */
    static Optional<String> of(byte[] expected, byte[] actual) {
        int n = Math.min(expected.length, actual.length);
        int at = 0;
        while (at < n && expected[at] == actual[at]) {
            at++;
        }
        if (at == n && expected.length == actual.length) {
            return Optional.empty();
        }
        return Optional.of("first difference at offset 0x" + Integer.toHexString(at) + ": expected in "
                + place(expected, at) + ", actual in " + place(actual, at) + " (lengths " + expected.length + " / "
                + actual.length + ")");
    }

    private static String place(byte[] object, long offset) {
        try {
            ElfFile f = ElfFile.parse(object, "object");
            if (offset < f.header().ehsize()) {
                return "the ELF header";
            }
            long shoff = f.header().shoff();
            if (offset >= shoff && offset < shoff + (long) f.header().shnum() * f.header().shentsize()) {
                return "the section header table";
            }
            for (SectionHeader s : f.sections()) {
                if (s.hasFileData() && offset >= s.offset() && offset < s.offset() + s.size()) {
                    return "section [" + s.index() + "] " + s.name();
                }
            }
            return "padding";
        } catch (org.klpconvert.elf.ElfFormatException e) {
            return "an unreadable object (" + e.reason() + ")";
        }
    }
}
