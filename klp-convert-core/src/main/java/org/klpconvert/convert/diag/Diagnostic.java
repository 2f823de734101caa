package org.klpconvert.convert.diag;

/**
 * One message of the converter, with the exact text of the C klp-convert
 * (klp-convert.md section 2.4). {@link #render()} gives the bytes to print on stderr, line
 * ends included: most messages are {@code "klp-convert: " + text + "\n"}, and texts that end
 * in a newline in C are followed by an empty line there, which is reproduced.
 */
public sealed interface Diagnostic permits Diagnostic.Message, Diagnostic.Listing {

    /** {@return the text as printed, with line ends} */
    String render();

    /** {@return whether this finding makes the conversion fail} */
    boolean isError();

    /** A prefixed {@code klp-convert: } message. */
    record Message(Kind kind, String text) implements Diagnostic {
        @Override
        public String render() {
            return "klp-convert: " + text + (kind.blankLine ? "\n\n" : "\n");
        }

        @Override
        public boolean isError() {
            return kind != Kind.WARNING;
        }
    }

    /** The candidate listing after an ambiguous name (no prefix; §2.6). */
    record Listing(String text) implements Diagnostic {
        @Override
        public String render() {
            return text;
        }

        @Override
        public boolean isError() {
            return false;
        }
    }

    /** Message kinds; {@code blankLine} marks C format strings that end in a newline. */
    enum Kind {
        /** M02: the module cannot be read as ELF. */
        READ_ELF(true),
        /** M03: the annotations cannot be loaded. */
        LOAD_SYMPOS(false),
        /** M04: a symbol is in no object of the symbols file. */
        MISSING_SYMBOL(false),
        /** M05: a relocation section the tool cannot convert. */
        UNSUPPORTED_SECTION(false),
        /** A relocation type the kernel cannot apply to a livepatch symbol. */
        UNSUPPORTED_RELOCATION(false),
        /** M20: an annotation beyond the relocation entries. */
        BEYOND_ENTRIES(true),
        /** M21: annotation records and relocations do not match. */
        ENTRIES_MISMATCH(true),
        /** D8: as many relocations as records, but one does not pair with one record. */
        ANNOTATION_OFFSET(false),
        /** M22: two annotations give one symbol different positions. */
        CONFLICTING_SYMPOS(false),
        /** M23: an annotation that no relocation uses. */
        UNUSED_ANNOTATION(false),
        /** D7: an object name too long for a livepatch name. */
        OBJECT_NAME_TOO_LONG(false),
        /** M30: no position is defined for a symbol. */
        DEFINE_SYMPOS(false),
        /** M31: position 0 for a name that several symbols have. */
        SYMPOS_ZERO(false),
        /** M32: no symbol at the given position. */
        SYMPOS_NO_MATCH(false),
        /** A warning that does not fail the conversion. */
        WARNING(false);

        final boolean blankLine;

        Kind(boolean blankLine) {
            this.blankLine = blankLine;
        }
    }

    // ---------------------------------------------------------------- the C catalogue

    /**
     * {@return the C tool's message M02}
     *
     * @param path the module as given
     */
    static Diagnostic unableToReadElf(String path) {
        return new Message(Kind.READ_ELF, "Unable to read elf file " + path);
    }

    /** {@return the C tool's message M03} */
    static Diagnostic unableToLoadSympos() {
        return new Message(Kind.LOAD_SYMPOS, "Unable to load user-provided sympos");
    }

    /**
     * {@return the C tool's message M04}
     *
     * @param name the symbol name
     */
    static Diagnostic missingSymbol(String name) {
        return new Message(Kind.MISSING_SYMBOL, "Unable to find missing symbol: " + name);
    }

    /**
     * {@return the C tool's message M05}
     *
     * @param symbol the symbol name
     * @param section the relocation section
     * @param object the object name
     */
    static Diagnostic unsupportedSection(String symbol, String section, String object) {
        return new Message(Kind.UNSUPPORTED_SECTION,
                "Conversion not supported for symbol: " + symbol + " section: " + section + " object: " + object);
    }

    /**
     * {@return the C tool's message M20}
     *
     * @param relaSection the annotations' relocation section
     */
    static Diagnostic beyondEntries(String relaSection) {
        return new Message(Kind.BEYOND_ENTRIES, "section " + relaSection + " length beyond nr_entries");
    }

    /**
     * {@return the C tool's message M21}
     *
     * @param relocations the number of relocations
     * @param records the number of annotation records
     * @param relaSection the annotations' relocation section
     */
    static Diagnostic entriesMismatch(int relocations, long records, String relaSection) {
        return new Message(Kind.ENTRIES_MISMATCH,
                "nr_entries mismatch (" + relocations + " != " + records + ") for " + relaSection);
    }

    /**
     * {@return the message, a Java addition for D8, when the record counts agree but a
     * relocation of the companion section does not pair with one record}
     *
     * @param relaSection the companion relocation section
     * @param entry       the relocation's index in it
     * @param offset      the relocation's {@code r_offset}
     * @param problem     how it fails to pair
     */
    static Diagnostic annotationOffset(String relaSection, int entry, long offset, String problem) {
        return new Message(Kind.ANNOTATION_OFFSET, relaSection + ": relocation " + entry + " at r_offset 0x"
                + Long.toHexString(offset) + " " + problem);
    }

    /**
     * {@return the C tool's message M22; the later record's position comes first}
     *
     * @param object the object name
     * @param name the symbol name
     * @param laterPos the position the later record gives
     * @param earlierPos the position the earlier record gives
     */
    static Diagnostic conflictingSympos(String object, String name, long laterPos, long earlierPos) {
        return new Message(Kind.CONFLICTING_SYMPOS, "Conflicting KLP_SYMPOS definition: " + object + "." + name + " "
                + Long.toString(laterPos) + " vs. " + Long.toString(earlierPos) + ".");
    }

    /**
     * {@return the C tool's message M23}
     *
     * @param name the symbol name
     */
    static Diagnostic unusedAnnotation(String name) {
        return new Message(Kind.UNUSED_ANNOTATION, "Couldn't find rela for annotated symbol: " + name);
    }

    /**
     * {@return D7: refused instead of silently truncated}
     *
     * @param section the section whose object name is too long
     */
    static Diagnostic objectNameTooLong(String section) {
        return new Message(Kind.OBJECT_NAME_TOO_LONG,
                "annotation section " + section + ": object name longer than 55 characters");
    }

    /**
     * {@return the C tool's message M30}
     *
     * @param name the symbol name
     */
    static Diagnostic defineSympos(String name) {
        return new Message(Kind.DEFINE_SYMPOS, "Define KLP_SYMPOS for the symbol: " + name);
    }

    /**
     * {@return the C tool's message M31}
     *
     * @param count the number of symbols with that name
     * @param object the object name
     * @param name the symbol name
     */
    static Diagnostic symposZeroAmbiguous(int count, String object, String name) {
        return new Message(Kind.SYMPOS_ZERO, "Provided KLP_SYMPOS of 0, but found " + count
                + " symbols matching: " + object + "." + name + ",0");
    }

    /**
     * {@return the C tool's message M32}
     *
     * @param object the object name
     * @param name the symbol name
     * @param pos the position asked for
     */
    static Diagnostic symposNoMatch(String object, String name, long pos) {
        return new Message(Kind.SYMPOS_NO_MATCH,
                "Provided KLP_SYMPOS does not match a symbol: " + object + "." + name + "," + pos);
    }

    /**
     * {@return a relocation type the kernel cannot apply to a livepatch symbol (Java addition)}
     *
     * @param type readelf's name of the relocation type
     * @param section the relocation section
     * @param offset the relocation's offset
     * @param symbol the symbol name
     * @param why why the kernel cannot apply it
     */
    static Diagnostic unsupportedRelocation(String type, String section, long offset, String symbol, String why) {
        return new Message(Kind.UNSUPPORTED_RELOCATION, "Relocation " + type + " at " + section + "+0x"
                + Long.toHexString(offset) + " against " + symbol + " cannot be converted: " + why);
    }

    /**
     * {@return an input section with a klp name that cannot take the entries (D10 inputs)}
     *
     * @param section the existing section
     * @param base the section its entries would apply to
     */
    static Diagnostic existingSectionUnusable(String section, String base) {
        return new Message(Kind.UNSUPPORTED_SECTION, "Existing section " + section
                + " is not a RELA section for " + base + " against .symtab; its livepatch relocations cannot be added");
    }

    /**
     * {@return a warning that does not fail the conversion (shown with -v)}
     *
     * @param text the warning text
     */
    static Diagnostic warning(String text) {
        return new Message(Kind.WARNING, text);
    }
}
