package org.klpconvert.elf.dump;

/** The few printf conversions readelf's output needs, for unsigned 64-bit values. */
final class Text {
    private Text() {
    }

    /** {@code %0<width>lx}: lower-case hex, zero-padded to at least {@code width} digits. */
    static String hex(long value, int width) {
        String digits = Long.toHexString(value);
        return digits.length() >= width ? digits : "0".repeat(width - digits.length()) + digits;
    }

    /** {@code %<width>s} or {@code %-<width>s}: pads with blanks, never truncates. */
    static String pad(String s, int width, boolean left) {
        if (s.length() >= width) {
            return s;
        }
        String blanks = " ".repeat(width - s.length());
        return left ? s + blanks : blanks + s;
    }

    /** {@code %lu} of an unsigned 64-bit value. */
    static String unsigned(long value) {
        return Long.toUnsignedString(value);
    }

    /**
     * A name as readelf prints symbol and section names: control characters become
     * {@code ^X}; the rest is copied (names are ISO-8859-1 strings, one char per byte).
     */
    static String printable(String name) {
        StringBuilder out = null;
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                if (out == null) {
                    out = new StringBuilder(name.substring(0, i));
                }
                out.append('^').append((char) (c + 0x40));
            } else if (out != null) {
                out.append(c);
            }
        }
        return out == null ? name : out.toString();
    }

    /** {@code %#lx}: {@code 0x} and lower-case hex, but a bare {@code 0} for zero. */
    static String alternateHex(long value) {
        return value == 0 ? "0" : "0x" + Long.toHexString(value);
    }
}
