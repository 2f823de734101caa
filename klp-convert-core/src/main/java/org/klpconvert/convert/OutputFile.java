package org.klpconvert.convert;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.klpconvert.elf.KlpException;
import org.klpconvert.elf.io.InputFiles;

/**
 * Writes an output file whole or not at all (docs/reliability.md, "Output").
 *
 * <ul>
 * <li>Only a regular file or a new path is written: an existing device, FIFO, socket or
 * directory is refused before anything is written, and so is a path ending in {@code /} or
 * an empty one. A symbolic link is written through, as C's {@code creat} does: the file it
 * points to (or would point to) is the one written, under the same checks.</li>
 * <li>The content goes to a temporary file in the destination directory, renamed over the
 * target: a reader never sees half a module. A new file gets mode 0664 less the umask, as
 * the C tool's {@code creat(path, 0664)}; an existing one keeps its mode (and its owner where
 * the process may set it). Its inode changes, which C's in-place write would not do.</li>
 * <li>An existing file with several hard links is rewritten in place, as C does, so every
 * link sees the new content: the content is first written to the temporary file, so a full
 * disk is found before the target is touched.</li>
 * <li>Temporary files are named {@code .klp-convert-<pid>-<n>.tmp} (short enough for any
 * {@code NAME_MAX}). A shutdown hook removes those of this process on SIGTERM, SIGINT and
 * SIGHUP; after SIGKILL, which no process can catch, the next write into the same directory
 * removes the files of processes that no longer run.</li>
 * </ul>
 */
public final class OutputFile {
    private static final String TEMP_PREFIX = ".klp-convert-";
    private static final String TEMP_SUFFIX = ".tmp";
    private static final AtomicLong COUNTER = new AtomicLong();
    private static final Set<Path> PENDING = ConcurrentHashMap.newKeySet();
    private static final Set<Path> SWEPT = ConcurrentHashMap.newKeySet();
    /** Symbolic links followed at most, as the kernel's {@code MAXSYMLINKS}. */
    private static final int MAX_LINKS = 40;
    private static final int CHUNK = 1 << 20;
    /** Buffer of the temporary file's stream: the content arrives in pieces of any size. */
    private static final int BUFFER = 1 << 16;

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(OutputFile::deletePending, "klp-output-cleanup"));
    }

    private OutputFile() {
    }

    /**
     * Writes {@code data} to {@code target} whole or not at all.
     *
     * @param target the file to write
     * @param data the whole content
     * @param input the input's name, which prefixes the message on failure (D4)
     * @throws KlpException if the data are malformed or cannot be written
     */
    public static void writeAtomically(Path target, byte[] data, String input) throws KlpException {
        writeAtomically(target.toString(), data, input);
    }

    /**
     * Writes {@code data} to the path as the user typed it; see
     * {@link #writeAtomically(String, Content, String)}.
     *
     * @param target the path as typed
     * @param data   the whole content
     * @param input  the input's name, which prefixes the message on failure (D4)
     * @throws KlpException {@code <input>: couldn't create <target>: <reason>}
     */
    public static void writeAtomically(String target, byte[] data, String input) throws KlpException {
        writeAtomically(target, out -> {
            // in pieces: a channel copies a heap array it is given whole into a direct buffer
            // of the same size, which would cost the module's size once more
            for (int at = 0; at < data.length; at += CHUNK) {
                out.write(data, at, Math.min(CHUNK, data.length - at));
            }
        }, input);
    }

    /** Content produced straight into the output, so that it need not be held whole first. */
    @FunctionalInterface
    public interface Content {
        /**
         * Writes the whole content.
         *
         * @param out the temporary file's stream (buffered; closed by the caller)
         * @throws IOException if the content cannot be produced or written; a {@link KlpException}
         *     is passed on to the caller of {@code writeAtomically} as it is
         */
        void writeTo(OutputStream out) throws IOException;
    }

    /**
     * Writes the content to the path as the user typed it: unlike a {@link Path}, the string
     * keeps a trailing {@code /}, which names a directory and is refused, as C's {@code creat}
     * refuses it.
     *
     * @param target the path as typed
     * @param content writes the whole content, once
     * @param input  the input's name, which prefixes the message on failure (D4)
     * @throws KlpException {@code <input>: couldn't create <target>: <reason>}, or the content's own
     */
    public static void writeAtomically(String target, Content content, String input) throws KlpException {
        Path tmp = null;
        try {
            if (target.isEmpty()) {
                throw new NoSuchFileException(target);
            }
            if (target.endsWith("/")) {
                throw new Refusal("Is a directory");
            }
            Path absolute = resolveLinks(Path.of(target).toAbsolutePath());
            BasicFileAttributes existing = existing(absolute);
            if (existing != null && !existing.isRegularFile()) {
                throw new Refusal("not a regular file (" + InputFiles.kind(absolute, existing) + "); it was left alone");
            }
            Path dir = absolute.getParent();
            sweepStale(dir);
            tmp = createTemp(dir, existing == null ? null : absolute);
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(tmp, StandardOpenOption.WRITE),
                    BUFFER)) {
                content.writeTo(out);
            }
            if (existing != null && linkCount(absolute) > 1) {
                // C's creat() writes the shared inode: every hard link sees the new module.
                try (OutputStream out = Files.newOutputStream(absolute, StandardOpenOption.WRITE,
                        StandardOpenOption.TRUNCATE_EXISTING)) {
                    Files.copy(tmp, out);
                }
                Files.delete(tmp);
            } else {
                try {
                    Files.move(tmp, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(tmp, absolute, StandardCopyOption.REPLACE_EXISTING);
                }
            }
            PENDING.remove(tmp);
            tmp = null;
        } catch (Refusal e) {
            throw new KlpException(input + ": couldn't create " + shown(target) + ": " + e.getMessage(), null);
        } catch (KlpException e) {
            throw e; // the content's own error, which names its file
        } catch (IOException e) {
            throw new KlpException(input + ": couldn't create " + shown(target) + ": " + InputFiles.reason(e), e);
        } finally {
            if (tmp != null) {
                PENDING.remove(tmp);
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // the original failure is what the user needs to see
                }
            }
        }
    }

    /** A refusal of ours, carrying its reason only. */
    private static final class Refusal extends IOException {
        private static final long serialVersionUID = 1L;

        Refusal(String reason) {
            super(reason);
        }
    }

    private static String shown(String target) {
        return target.isEmpty() ? "''" : target;
    }

    /**
     * The path C's {@code creat} would write: symbolic links followed, a dangling one to the
     * file it names.
     */
    private static Path resolveLinks(Path path) throws IOException {
        Path current = path;
        for (int i = 0; i < MAX_LINKS; i++) {
            if (!Files.isSymbolicLink(current)) {
                return current;
            }
            Path link = Files.readSymbolicLink(current);
            current = current.resolveSibling(link).normalize();
        }
        throw new Refusal("Too many levels of symbolic links");
    }

    private static BasicFileAttributes existing(Path path) throws IOException {
        try {
            return Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            return null;
        }
    }

    private static int linkCount(Path path) {
        try {
            return (Integer) Files.getAttribute(path, "unix:nlink");
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return 1;
        }
    }

    /**
     * A new temporary file beside the target, registered for the shutdown hook. It gets the
     * mode (and owner) of the file it replaces, or 0664 less the umask for a new file.
     */
    private static Path createTemp(Path dir, Path replaced) throws IOException {
        while (true) {
            Path tmp = dir.resolve(TEMP_PREFIX + ProcessHandle.current().pid() + "-" + COUNTER.getAndIncrement()
                    + TEMP_SUFFIX);
            PENDING.add(tmp);
            try {
                Files.createFile(tmp, permissions());
            } catch (FileAlreadyExistsException e) {
                PENDING.remove(tmp);
                continue;
            } catch (IOException e) {
                PENDING.remove(tmp);
                throw e;
            }
            if (replaced != null) {
                keepModeAndOwner(replaced, tmp);
            }
            return tmp;
        }
    }

    private static void keepModeAndOwner(Path replaced, Path tmp) throws IOException {
        if (!FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            return;
        }
        PosixFileAttributes old = Files.readAttributes(replaced, PosixFileAttributes.class);
        Files.setPosixFilePermissions(tmp, old.permissions());
        try {
            Files.setOwner(tmp, old.owner());
            Files.getFileAttributeView(tmp, java.nio.file.attribute.PosixFileAttributeView.class).setGroup(old.group());
        } catch (IOException notPermitted) {
            // as C's in-place write by another user would leave it: owned by whoever may write it
        }
    }

    private static FileAttribute<?>[] permissions() {
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            return new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-rw-r--"))};
        }
        return new FileAttribute<?>[0];
    }

    /**
     * Removes the temporary files that processes no longer running left in {@code dir} (a
     * SIGKILL during a write); once per directory and process.
     */
    static void sweepStale(Path dir) {
        if (!SWEPT.add(dir)) {
            return;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, TEMP_PREFIX + "*" + TEMP_SUFFIX)) {
            for (Path file : files) {
                long pid = writerPid(file.getFileName().toString());
                if (pid > 0 && pid != ProcessHandle.current().pid() && ProcessHandle.of(pid).isEmpty()
                        && Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
                    Files.deleteIfExists(file);
                }
            }
        } catch (IOException | RuntimeException e) {
            // a directory we cannot list or clean: the write itself reports what matters
        }
    }

    /** The pid in {@code .klp-convert-<pid>-<n>.tmp}, or -1. */
    private static long writerPid(String name) {
        String middle = name.substring(TEMP_PREFIX.length(), name.length() - TEMP_SUFFIX.length());
        int dash = middle.indexOf('-');
        try {
            return dash > 0 ? Long.parseLong(middle.substring(0, dash)) : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static void deletePending() {
        for (Path tmp : PENDING) {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException ignored) {
                // the process is ending; nothing else can be done
            }
        }
    }
}
