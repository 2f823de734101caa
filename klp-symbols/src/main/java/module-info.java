/**
 * klp-symbols: the {@code symbols.klp} file of klp-convert, read (also gzip, xz or zstd
 * compressed), indexed, written and generated from kernel objects.
 *
 * <p>xz and zstd support are optional at run time: {@code org.tukaani.xz} and
 * {@code com.github.luben.zstd_jni} are read only when present. A module application that
 * reads such files resolves them with {@code requires} or {@code --add-modules}; when one is
 * missing, reading a file in that format fails with a {@link org.klpconvert.elf.KlpException}
 * that names the missing artifact.
 */
module org.klpconvert.symbols {
    requires transitive org.klpconvert.elf;
    requires org.apache.commons.compress;
    requires static org.tukaani.xz;
    requires static com.github.luben.zstd_jni;

    exports org.klpconvert.symbols;
    exports org.klpconvert.symbols.gen;
    exports org.klpconvert.symbols.io;
}
