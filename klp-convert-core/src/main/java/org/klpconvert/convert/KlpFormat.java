package org.klpconvert.convert;

/**
 * The names the kernel's livepatch core parses (kernel-rules.md section 1):
 * {@code .klp.rela.<object>.<section>} and {@code .klp.sym.<object>.<name>,<sympos>}, with
 * {@code vmlinux} standing for the kernel itself.
 */
public final class KlpFormat {
    /** Prefix of a livepatch relocation section. */
    public static final String RELA_PREFIX = ".klp.rela.";
    /** Prefix of a livepatch symbol. */
    public static final String SYM_PREFIX = ".klp.sym.";
    /** The object that is the kernel image. */
    public static final String VMLINUX = "vmlinux";
    /** The kernel reads object names with {@code %55[^.]} on every architecture. */
    public static final int MAX_OBJECT_LENGTH = 55;

    private KlpFormat() {
    }

    /**
     * {@return {@code .klp.rela.<object>.<base>}; base names usually start with a dot, hence {@code ..text}}
     *
     * @param object the object the symbols belong to ({@code vmlinux} or a module)
     * @param baseSection the section the relocations apply to
     */
    public static String relaSectionName(String object, String baseSection) {
        return RELA_PREFIX + object + "." + baseSection;
    }

    /**
     * {@return {@code .klp.sym.<object>.<name>,<pos>}, the position in decimal, unsigned}
     *
     * @param object the object the symbol belongs to
     * @param name the symbol name
     * @param pos the symbol's position among equal names (0 when unique)
     */
    public static String symbolName(String object, String name, long pos) {
        return SYM_PREFIX + object + "." + name + "," + Long.toUnsignedString(pos);
    }
}
