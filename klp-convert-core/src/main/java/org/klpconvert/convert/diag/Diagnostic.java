package org.klpconvert.convert.diag;

/**
 * One message of the converter, with the exact text of the C klp-convert
 * (klp-convert.md section 2.4). {@link #render()} gives the bytes to print on stderr, line
 * ends included: most messages are {@code "klp-convert: " + text + "\n"}, and texts that end
 * in a newline in C are followed by an empty line there, which is reproduced.
 */
public sealed interface Diagnostic permits Diagnostic.Message, Diagnostic.Listing {

    /** The text as printed, with line ends. */
    String render();

    /** Whether this finding makes the conversion fail. */
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
        READ_ELF(true), LOAD_SYMPOS(false), MISSING_SYMBOL(false), UNSUPPORTED_SECTION(false),
        UNSUPPORTED_RELOCATION(false), BEYOND_ENTRIES(true), ENTRIES_MISMATCH(true), ANNOTATION_OFFSET(false),
        CONFLICTING_SYMPOS(false),
        UNUSED_ANNOTATION(false), OBJECT_NAME_TOO_LONG(false), DEFINE_SYMPOS(false), SYMPOS_ZERO(false),
        SYMPOS_NO_MATCH(false), WARNING(false);

        final boolean blankLine;

        Kind(boolean blankLine) {
            this.blankLine = blankLine;
        }
    }

    // ---------------------------------------------------------------- the C catalogue

    /** M02. */
    static Diagnostic unableToReadElf(String path) {
        return new Message(Kind.READ_ELF, "Unable to read elf file " + path);
    }

    /** M03. */
    static Diagnostic unableToLoadSympos() {
        return new Message(Kind.LOAD_SYMPOS, "Unable to load user-provided sympos");
    }

    /** M04. */
    static Diagnostic missingSymbol(String name) {
        return new Message(Kind.MISSING_SYMBOL, "Unable to find missing symbol: " + name);
    }

    /** M05. */
    static Diagnostic unsupportedSection(String symbol, String section, String object) {
        return new Message(Kind.UNSUPPORTED_SECTION,
                "Conversion not supported for symbol: " + symbol + " section: " + section + " object: " + object);
    }

    /** M20. */
    static Diagnostic beyondEntries(String relaSection) {
        return new Message(Kind.BEYOND_ENTRIES, "section " + relaSection + " length beyond nr_entries");
    }

    /** M21. */
    static Diagnostic entriesMismatch(int relocations, long records, String relaSection) {
        return new Message(Kind.ENTRIES_MISMATCH,
                "nr_entries mismatch (" + relocations + " != " + records + ") for " + relaSection);
    }

    /**
     * D8, a Java addition: the record counts agree but a relocation of the companion section
     * does not pair with one record; {@code problem} says how.
     */
    static Diagnostic annotationOffset(String relaSection, int entry, long offset, String problem) {
        return new Message(Kind.ANNOTATION_OFFSET, relaSection + ": relocation " + entry + " at r_offset 0x"
                + Long.toHexString(offset) + " " + problem);
    }

    /** M22: the later record's position comes first. */
    static Diagnostic conflictingSympos(String object, String name, long laterPos, long earlierPos) {
        return new Message(Kind.CONFLICTING_SYMPOS, "Conflicting KLP_SYMPOS definition: " + object + "." + name + " "
                + Long.toString(laterPos) + " vs. " + Long.toString(earlierPos) + ".");
    }

    /** M23. */
    static Diagnostic unusedAnnotation(String name) {
        return new Message(Kind.UNUSED_ANNOTATION, "Couldn't find rela for annotated symbol: " + name);
    }

    /** D7: refused instead of silently truncated. */
    static Diagnostic objectNameTooLong(String section) {
        return new Message(Kind.OBJECT_NAME_TOO_LONG,
                "annotation section " + section + ": object name longer than 55 characters");
    }

    /** M30. */
    static Diagnostic defineSympos(String name) {
        return new Message(Kind.DEFINE_SYMPOS, "Define KLP_SYMPOS for the symbol: " + name);
    }

    /** M31. */
    static Diagnostic symposZeroAmbiguous(int count, String object, String name) {
        return new Message(Kind.SYMPOS_ZERO, "Provided KLP_SYMPOS of 0, but found " + count
                + " symbols matching: " + object + "." + name + ",0");
    }

    /** M32. */
    static Diagnostic symposNoMatch(String object, String name, long pos) {
        return new Message(Kind.SYMPOS_NO_MATCH,
                "Provided KLP_SYMPOS does not match a symbol: " + object + "." + name + "," + pos);
    }

    /** A relocation type the kernel cannot apply to a livepatch symbol (Java addition). */
    static Diagnostic unsupportedRelocation(String type, String section, long offset, String symbol, String why) {
        return new Message(Kind.UNSUPPORTED_RELOCATION, "Relocation " + type + " at " + section + "+0x"
                + Long.toHexString(offset) + " against " + symbol + " cannot be converted: " + why);
    }

    /** An input section with a klp name that cannot take the entries (D10 inputs). */
    static Diagnostic existingSectionUnusable(String section, String base) {
        return new Message(Kind.UNSUPPORTED_SECTION, "Existing section " + section
                + " is not a RELA section for " + base + " against .symtab; its livepatch relocations cannot be added");
    }

    /** A warning that does not fail the conversion (shown with -v). */
    static Diagnostic warning(String text) {
        return new Message(Kind.WARNING, text);
    }
}
