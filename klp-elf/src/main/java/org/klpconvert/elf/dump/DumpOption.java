package org.klpconvert.elf.dump;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * The parts of a dump, named by GNU readelf's option letters. Whatever the order they are
 * asked in, they are printed in the order readelf prints them, which is this enum's order.
 */
public enum DumpOption {
    /** {@code -h}: the file header. */
    FILE_HEADER("-h"),
    /** {@code -S}: the section headers. */
    SECTION_HEADERS("-S"),
    /** {@code -l}: the program headers and the section-to-segment mapping. */
    PROGRAM_HEADERS("-l"),
    /** {@code -d}: the dynamic section. */
    DYNAMIC("-d"),
    /** {@code -r}: the relocation sections. */
    RELOCATIONS("-r"),
    /** {@code -s}: every symbol table. */
    SYMBOLS("-s"),
    /** {@code --dyn-syms}: the dynamic symbol table. */
    DYNAMIC_SYMBOLS("--dyn-syms"),
    /** {@code -V}: the symbol versioning sections. */
    VERSION_INFO("-V"),
    /** {@code -n}: the notes. */
    NOTES("-n");

    /** What {@code klp-tool dump} prints when no option is given: readelf's {@code -h -S -s -r}. */
    public static final Set<DumpOption> DEFAULT = Collections.unmodifiableSet(
            EnumSet.of(FILE_HEADER, SECTION_HEADERS, RELOCATIONS, SYMBOLS));

    private final String readelfOption;

    DumpOption(String readelfOption) {
        this.readelfOption = readelfOption;
    }

    /** {@return the readelf option, e.g. {@code -h} or {@code --dyn-syms}} */
    public String readelfOption() {
        return readelfOption;
    }
}
