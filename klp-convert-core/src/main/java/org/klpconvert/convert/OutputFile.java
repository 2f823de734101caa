package org.klpconvert.convert;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;

import org.klpconvert.elf.KlpException;

/**
 * Writes an output file whole or not at all: a temporary file in the destination directory,
 * renamed over the target. The temporary file is created with mode 0664 so the umask applies
 * as it does for the C tool's {@code creat(path, 0664)} (klp-convert.md 2.3).
 */
public final class OutputFile {
    private OutputFile() {
    }

    /**
     * Writes {@code data} to {@code target} atomically.
     *
     * @param target the file to write
     * @param data the whole content
     * @param input the input's name, which prefixes the message on failure (D4)
     * @throws KlpException if the data are malformed or cannot be written
     */
    public static void writeAtomically(Path target, byte[] data, String input) throws KlpException {
        Path tmp = null;
        try {
            Path absolute = throughSymlink(target.toAbsolutePath());
            Path dir = absolute.getParent();
            tmp = Files.createTempFile(dir, "." + absolute.getFileName() + ".", ".tmp", permissions());
            Files.write(tmp, data);
            try {
                Files.move(tmp, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, absolute, StandardCopyOption.REPLACE_EXISTING);
            }
            tmp = null;
        } catch (IOException e) {
            throw new KlpException(input + ": couldn't create " + target + ": " + reason(e), e);
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // the original failure is what the user needs to see
                }
            }
        }
    }

    /**
     * C's {@code creat} writes through a symbolic link; a rename would replace the link, so
     * the file it points to is the one replaced.
     */
    private static Path throughSymlink(Path target) throws IOException {
        return Files.isSymbolicLink(target) && Files.exists(target) ? target.toRealPath() : target;
    }

    private static FileAttribute<?>[] permissions() {
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            return new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-rw-r--"))};
        }
        return new FileAttribute<?>[0];
    }

    private static String reason(IOException e) {
        if (e instanceof java.nio.file.NoSuchFileException) {
            return "No such file or directory";
        }
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "Permission denied";
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
