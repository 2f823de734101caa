package org.klpconvert.elf;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;

import org.klpconvert.testdata.TestData;

/** The corpus objects the reader accepts: all but the deliberately broken error inputs. */
public final class CorpusObjects {
    private CorpusObjects() {
    }

    /** Every readable corpus object, sorted by path. */
    public static List<Path> readable() {
        return TestData.allCorpusObjects().stream().filter(CorpusObjects::isReadable).toList();
    }

    /** The name of an object relative to the corpus root, for test names. */
    public static String name(Path p) {
        return TestData.conformanceDir().relativize(p).toString();
    }

    private static boolean isReadable(Path p) {
        try {
            ElfFile.read(p);
            return true;
        } catch (ElfFormatException e) {
            return false;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
