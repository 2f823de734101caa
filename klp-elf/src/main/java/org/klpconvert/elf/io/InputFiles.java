package org.klpconvert.elf.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Arrays;

/**
 * Reads a whole input file into one array, within bounds. Only a regular file (or a symbolic
 * link to one) is read: a device, FIFO, socket or directory is refused before a byte is read,
 * so {@code /dev/zero} or a FIFO cannot fill the heap. The size on disk is not trusted (files
 * under {@code /proc} report 0, a file may grow while read): reading stops one byte past
 * {@link #MAX_SIZE}, and the file is refused then.
 */
public final class InputFiles {
    /**
     * The largest input: a little under 2 GiB, the most a Java array holds (the VMs reserve a
     * few header words per array). Objects of 2 GiB and more are refused with a message
     * that says so; more heap would not help.
     */
    public static final long MAX_SIZE = Integer.MAX_VALUE - 16;

    private static final int CHUNK = 1 << 16;

    private InputFiles() {
    }

    /**
     * {@return the whole content of {@code path}, at most {@link #MAX_SIZE} bytes}
     *
     * @param path the file to read
     * @throws InputFileException naming the file: missing, not permitted, not a regular file,
     *                            or too large
     */
    public static byte[] readAll(Path path) throws InputFileException {
        return readAll(path, MAX_SIZE);
    }

    /**
     * The whole content of {@code path}, at most {@code limit} bytes (itself capped at
     * {@link #MAX_SIZE}); one array of the file's size is the only copy made.
     *
     * @param path  the file to read
     * @param limit the most bytes to accept
     * @return the file's content
     * @throws InputFileException naming the file: missing, not permitted, not a regular file,
     *                            or larger than the limit
     */
    public static byte[] readAll(Path path, long limit) throws InputFileException {
        String file = path.toString();
        long max = Math.min(limit, MAX_SIZE);
        BasicFileAttributes attributes = checked(path, max);
        try (InputStream in = Files.newInputStream(path)) {
            byte[] buffer = new byte[(int) Math.max(attributes.size(), Math.min(CHUNK, max))];
            int size = 0;
            while (true) {
                if (size == buffer.length) {
                    if (size == max) {
                        if (in.read() >= 0) {
                            throw tooLarge(file, "more than " + max, size + 1L, max);
                        }
                        return buffer;
                    }
                    // Only a file that grows or reports no size (procfs) gets here.
                    buffer = Arrays.copyOf(buffer, (int) Math.min(max, Math.max(CHUNK, 2L * size)));
                }
                // In chunks: a channel would copy a request of the whole file into a direct
                // buffer of that size, a second copy of the file outside the heap.
                int n = in.read(buffer, size, Math.min(CHUNK, buffer.length - size));
                if (n < 0) {
                    return size == buffer.length ? buffer : Arrays.copyOf(buffer, size);
                }
                size += n;
            }
        } catch (InputFileException e) {
            throw e;
        } catch (IOException e) {
            throw new InputFileException(file, reason(e), e);
        }
    }

    /**
     * {@return the size of {@code path}, after the checks of {@link #readAll(Path)}: a regular
     * file of at most {@link #MAX_SIZE} bytes} For callers that map the file instead of
     * reading it.
     *
     * @param path the file to check
     * @throws InputFileException as {@link #readAll(Path)}
     */
    public static long regularFileSize(Path path) throws InputFileException {
        return checked(path, MAX_SIZE).size();
    }

    private static BasicFileAttributes checked(Path path, long max) throws InputFileException {
        BasicFileAttributes attributes = attributes(path);
        if (!attributes.isRegularFile()) {
            throw new InputFileException(path.toString(), "not a regular file (" + kind(path, attributes) + ")", null);
        }
        if (attributes.size() > max) {
            throw tooLarge(path.toString(), Long.toString(attributes.size()), attributes.size(), max);
        }
        return attributes;
    }

    /** The attributes of {@code path} (through a symbolic link), or a refusal naming it. */
    private static BasicFileAttributes attributes(Path path) throws InputFileException {
        try {
            return Files.readAttributes(path, BasicFileAttributes.class);
        } catch (IOException e) {
            throw new InputFileException(path.toString(), reason(e), e);
        }
    }

    private static InputFileException tooLarge(String file, String size, long atLeast, long max) {
        String what = atLeast > MAX_SIZE ? "files of 2 GiB or more cannot be read (at most " + MAX_SIZE
                + " bytes, the largest Java array; more heap does not help)" : "larger than the limit of " + max
                + " bytes";
        return new InputFileException(file, size + " bytes: " + what, null);
    }

    /**
     * {@return what a file that is not regular is ({@code a directory}, {@code a character
     * device}, {@code a FIFO}, ...), from the mode bits where the platform shows them}
     *
     * @param path       the file
     * @param attributes its attributes, read already
     */
    public static String kind(Path path, BasicFileAttributes attributes) {
        if (attributes.isDirectory()) {
            return "a directory";
        }
        try {
            int mode = (Integer) Files.getAttribute(path, "unix:mode");
            return switch (mode & 0170000) {
                case 0020000 -> "a character device";
                case 0060000 -> "a block device";
                case 0010000 -> "a FIFO";
                case 0140000 -> "a socket";
                default -> "not a plain file";
            };
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException | ClassCastException e) {
            return "a device, FIFO or socket";
        }
    }

    /**
     * {@return the C library's words for an I/O error ({@code strerror}), without the file
     * name} The JDK's exceptions of the file system carry the path as their message and the
     * reason apart, or only the type. Never a class name.
     *
     * @param e the error
     */
    public static String reason(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "No such file or directory";
        }
        if (e instanceof AccessDeniedException) {
            return "Permission denied";
        }
        if (e instanceof java.nio.file.FileAlreadyExistsException) {
            return "File exists";
        }
        if (e instanceof java.nio.file.NotDirectoryException) {
            return "Not a directory";
        }
        if (e instanceof java.nio.file.DirectoryNotEmptyException) {
            return "Directory not empty";
        }
        if (e instanceof java.nio.file.FileSystemException f) {
            return f.getReason() != null ? f.getReason() : "file system error";
        }
        String message = e.getMessage();
        return message == null || message.isEmpty() ? "input/output error" : message;
    }
}
