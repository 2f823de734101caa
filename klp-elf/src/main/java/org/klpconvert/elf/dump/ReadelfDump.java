package org.klpconvert.elf.dump;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Set;

import org.klpconvert.elf.ElfFile;
import org.klpconvert.elf.ElfFormatException;
import org.klpconvert.elf.dynamic.DynamicSection;
import org.klpconvert.elf.segment.ProgramHeaders;
import org.klpconvert.elf.version.SymbolVersions;

/**
 * The text GNU readelf 2.40 prints with {@code -W} and the options of {@link DumpOption}, for
 * ELF32 and ELF64 objects of either byte order: relocatable objects, executables, shared
 * objects and kernels. Relocation types of machines other than the five klp-convert handles
 * print as readelf prints unknown ones. Useful to compare objects structurally and to explain a
 * byte difference in terms every ELF user knows.
 */
public final class ReadelfDump {
    private ReadelfDump() {
    }

    /**
     * {@return the dump of {@code readelf -W -h -S -s -r}; fails if a table it shows is malformed}
     *
     * @param file the object to print
     * @throws ElfFormatException if the object is malformed
     */
    public static String of(ElfFile file) throws ElfFormatException {
        return of(file, DumpOption.DEFAULT);
    }

    /**
     * {@return the dump of {@code readelf -W} with the given options; fails if a table it shows is malformed}
     *
     * @param file the object to print
     * @param options what to print, as readelf's option letters select it
     * @throws ElfFormatException if the object is malformed
     */
    public static String of(ElfFile file, Set<DumpOption> options) throws ElfFormatException {
        StringBuilder text = new StringBuilder(4096);
        try {
            write(file, options, text);
        } catch (ElfFormatException e) {
            throw e;
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringBuilder does not fail
        }
        return text.toString();
    }

    /**
     * Writes the dump to {@code out} table by table, holding at most one block of text at a
     * time. Fails with {@link ElfFormatException} if a table it shows is malformed (after the
     * text of the tables before it was written) and with any {@link IOException} of {@code out}.
     *
     * @param file the object to print
     * @param options what to print, as readelf's option letters select it
     * @param out where the text goes
     * @throws IOException if a file cannot be read or written
     */
    public static void write(ElfFile file, Set<DumpOption> options, Appendable out) throws IOException {
        Sink sink = new Sink(out);
        try {
            if (options.contains(DumpOption.FILE_HEADER)) {
                new HeaderDump(file).appendTo(sink);
            }
            if (options.contains(DumpOption.SECTION_HEADERS)) {
                new SectionDump(file, !options.contains(DumpOption.FILE_HEADER)).appendTo(sink);
            }
            boolean needsSegments = options.contains(DumpOption.PROGRAM_HEADERS);
            ProgramHeaders segments = needsSegments ? ProgramHeaders.of(file) : null;
            if (needsSegments) {
                new ProgramHeaderDump(file, segments, !options.contains(DumpOption.FILE_HEADER)).appendTo(sink);
            }
            if (options.contains(DumpOption.DYNAMIC)) {
                new DynamicDump(file, DynamicSection.of(file)).appendTo(sink);
            }
            boolean versioned = options.contains(DumpOption.RELOCATIONS) || options.contains(DumpOption.SYMBOLS)
                    || options.contains(DumpOption.DYNAMIC_SYMBOLS);
            SymbolVersions versions = versioned ? SymbolVersions.of(file) : null;
            if (options.contains(DumpOption.RELOCATIONS)) {
                new RelocationDump(file, versions).appendTo(sink);
            }
            if (options.contains(DumpOption.SYMBOLS) || options.contains(DumpOption.DYNAMIC_SYMBOLS)) {
                new SymbolDump(file, versions, options.contains(DumpOption.SYMBOLS)).appendTo(sink);
            }
            if (options.contains(DumpOption.VERSION_INFO)) {
                new VersionDump(file).appendTo(sink);
            }
            if (options.contains(DumpOption.NOTES)) {
                new NoteDump(file).appendTo(sink);
            }
            sink.flush();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        } catch (ElfFormatException e) {
            try {
                sink.flush(); // the tables before the malformed one, as readelf prints them
            } catch (UncheckedIOException flushFailure) {
                e.addSuppressed(flushFailure.getCause());
            }
            throw e;
        }
    }
}
