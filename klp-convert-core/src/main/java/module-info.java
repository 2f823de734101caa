/**
 * klp-convert-core: the conversion engine of klp-convert. A {@link
 * org.klpconvert.convert.Converter} turns a livepatch module's relocations against
 * non-exported symbols into livepatch relocations, as the C {@code klp-convert} does, and a
 * {@link org.klpconvert.convert.verify.Verifier} checks a module against the kernel's rules.
 *
 * <p>The per-architecture relocation checks are internal. The annotation package is exported
 * because explanations and resolutions carry its {@code Annotation} records.
 */
module org.klpconvert.convert {
    requires transitive org.klpconvert.elf;
    requires transitive org.klpconvert.symbols;

    exports org.klpconvert.convert;
    exports org.klpconvert.convert.annotation;
    exports org.klpconvert.convert.diag;
    exports org.klpconvert.convert.explain;
    exports org.klpconvert.convert.resolve;
    exports org.klpconvert.convert.verify;
}
