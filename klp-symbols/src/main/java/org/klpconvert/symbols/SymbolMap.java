package org.klpconvert.symbols;

import static java.nio.charset.StandardCharsets.ISO_8859_1;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.klpconvert.elf.KlpException;
import org.klpconvert.elf.io.InputFileException;
import org.klpconvert.elf.io.InputFiles;
import org.klpconvert.symbols.io.Compression;
import org.klpconvert.symbols.io.DecompressionException;

/**
 * A symbols file ({@code symbols.klp}, klp-convert.md §3.1), read exactly as the v7 C tool
 * reads it and indexed for the converter's queries (§5.3). Immutable and thread-safe.
 *
 * <p>The whole file is kept as one byte array; the index holds int offsets into it and
 * creates strings only for query results. A full Debian file (885,000 lines, 18.8 MB) needs
 * well under 300 MB of heap.
 *
 * <p>A map loaded with a set of wanted names ({@link #load(Path, Set)}) indexes only the
 * entries and exports with those names, which is much cheaper when the converter needs a few
 * dozen names. For those names it answers exactly like a full map; asking it about another
 * name is a programming error ({@link IllegalArgumentException}).
 *
 * <p>Names are bytes (ISO-8859-1). As in C, a name stops at its first NUL byte.
 */
public final class SymbolMap {

    private final String source;
    private final byte[] data;
    private final Set<String> wanted;
    private final SymbolIndex index;
    private final String[] objectNames;
    private final String header;

    private SymbolMap(String source, byte[] data, int headerEnd, Set<String> wanted, SymbolIndex index) {
        this.source = source;
        this.header = new String(data, 0, headerEnd, ISO_8859_1);
        this.data = data;
        this.wanted = wanted;
        this.index = index;
        this.objectNames = new String[index.objects.size()];
    }

    /**
     * Loads and indexes a whole symbols file, plain or compressed (gzip, xz, zstd).
     *
     * @param path the symbols file
     * @return the indexed symbols file
     * @throws SymbolMapFormatException if the C tool would refuse the symbols file
     */
    public static SymbolMap load(Path path) throws SymbolMapFormatException {
        return parse(read(path), path.toString(), null);
    }

    /**
     * Loads a symbols file but indexes only the names in {@code wanted} (exports included).
     *
     * <p>The map answers only for those names. Every query about any other name
     * ({@link #exported}, {@link #matches}, {@link #count}, {@link #candidateListing}) throws
     * {@link IllegalArgumentException}, because a partial map cannot tell "absent from the
     * file" from "not indexed", and a silent "absent" would turn into a wrong conversion.
     * Callers that may ask about names they did not list must check {@link #covers} first or
     * load the full map with {@link #load(Path)}. The object list, {@link #entryCount} and
     * {@link #exportedCount} cover only the indexed names (objects: all of them).
     *
     * @param path the symbols file
     * @return the map, answering for the wanted names only
     * @param wanted the names the caller will ask about; {@code null} means all names
     * @throws SymbolMapFormatException as {@link #load(Path)}: the whole file is still checked
     */
    public static SymbolMap load(Path path, Set<String> wanted) throws SymbolMapFormatException {
        return parse(read(path), path.toString(), wanted);
    }

    /**
     * Indexes the content of a symbols file, which may be compressed. A plain array is used as
     * is and must not be changed afterwards.
     *
     * @param content the file's bytes
     * @return the indexed symbols file
     * @param source the file name used in messages
     * @param wanted the names to index, or {@code null} for all
     * @throws SymbolMapFormatException if the C tool would refuse the symbols file
     */
    public static SymbolMap parse(byte[] content, String source, Set<String> wanted)
            throws SymbolMapFormatException {
        byte[] data = decompress(content, source);
        int headerEnd = SymbolFileFormat.checkHeader(data, source);
        if (wanted == null) {
            SymbolIndex index = new SymbolIndex(data, null);
            SymbolFileFormat.scanLines(data, headerEnd, source, index);
            return new SymbolMap(source, data, headerEnd, null, index);
        }
        WantedNames filter = new WantedNames(wanted);
        SymbolIndex index = new SymbolIndex(data, filter);
        ParallelScan.scan(data, headerEnd, source, filter, index);
        return new SymbolMap(source, data, headerEnd, Set.copyOf(wanted), index);
    }

    private static byte[] read(Path path) throws SymbolMapFormatException {
        String file = path.toString();
        if (Files.isDirectory(path)) {
            // fopen() succeeds on a directory and the first read fails: C prints M11
            throw new SymbolMapFormatException(SymbolMapFormatException.Kind.EMPTY, file, 0, null,
                    "is a directory", null);
        }
        try {
            return InputFiles.readAll(path);
        } catch (InputFileException e) {
            throw cannotOpen(file, e.reason(), e);
        }
    }

    private static SymbolMapFormatException cannotOpen(String file, String reason, IOException cause) {
        return new SymbolMapFormatException(SymbolMapFormatException.Kind.CANNOT_OPEN, file, 0, null, reason, cause);
    }

    private static byte[] decompress(byte[] content, String source) throws SymbolMapFormatException {
        try {
            return Compression.decompress(content, source);
        } catch (DecompressionException e) {
            // the C tool would read the compressed bytes as text and refuse the first line
            throw new SymbolMapFormatException(SymbolMapFormatException.Kind.UNKNOWN_FORMAT, source, 0, null,
                    e.reason(), e);
        }
    }

    /** {@return the file name given when loading} */
    public String source() {
        return source;
    }

    /** {@return the first line of the file, without its line end} */
    public String header() {
        return header;
    }

    /** {@return what the file says about the order of equal names (its first line)} */
    public DuplicateOrigin duplicateOrigin() {
        return DuplicateOrigin.ofHeader(header);
    }

    /** {@return whether every name of the file is indexed: a map not loaded for selected names} */
    public boolean isComplete() {
        return wanted == null;
    }

    /**
     * {@return whether this map can answer for {@code name}: always for a full map}
     *
     * @param name a symbol name
     */
    public boolean covers(String name) {
        return wanted == null || wanted.contains(name);
    }

    /**
     * {@return whether some {@code __ksymtab_<name>} line exists, under any object}
     *
     * @param name a symbol name, without the {@code __ksymtab_} prefix
     */
    public boolean exported(String name) {
        byte[] key = key(name);
        return key != null && index.exported.find(key) >= 0;
    }

    /**
     * {@return every non-exported entry with this name, in file order}
     *
     * @param name a symbol name
     */
    public List<SymbolEntry> matches(String name) {
        int[] entries = entries(name);
        Map<Integer, Integer> totals = new HashMap<>();
        for (int e : entries) {
            totals.merge(index.object(e), 1, Integer::sum);
        }
        Map<Integer, Integer> seen = new HashMap<>();
        List<SymbolEntry> result = new ArrayList<>(entries.length);
        for (int e : entries) {
            int object = index.object(e);
            int occurrence = seen.merge(object, 1, Integer::sum);
            result.add(new SymbolEntry(objectName(object), name, totals.get(object) == 1 ? 0 : occurrence));
        }
        return Collections.unmodifiableList(result);
    }

    /**
     * {@return number of non-exported entries with this object and name: a hash lookup, then a walk
     * over the entries of that name only}
     *
     * @param object the object name
     * @param name a symbol name
     */
    public int count(String object, String name) {
        int[] entries = entries(name);
        byte[] objectKey = bytes(object);
        int objectId = entries.length == 0 || objectKey == null ? -1 : index.objects.find(objectKey);
        int count = 0;
        for (int e : entries) {
            if (index.object(e) == objectId) {
                count++;
            }
        }
        return count;
    }

    private int[] entries(String name) {
        byte[] key = key(name);
        int id = key == null ? -1 : index.names.find(key);
        return id < 0 ? new int[0] : index.entries(id);
    }

    /**
     * {@return the candidate listing for {@code name} (§2.6, Java form D2), or empty when no entry has
     * that name (C prints nothing then)}
     *
     * @param name a symbol name
     */
    public Optional<String> candidateListing(String name) {
        List<SymbolEntry> matches = matches(name);
        return matches.isEmpty() ? Optional.empty() : Optional.of(CandidateListing.render(name, matches));
    }

    /**
     * {@return up to {@code limit} names of the file close to {@code name}, for a name that is missing:
     * first the compiler's renamed copies of it ({@code name.constprop.0}, {@code name.isra.0},
     * {@code name.llvm.<n>}, ...), then names within a small edit distance (a quarter of the
     * length, at least 2), nearest first, ties in byte order} Exported names are included.
     * Needs a full map: a map loaded for selected names knows no others.
     *
     * @param name the missing name
     * @param limit the most names to return
     * @throws IllegalArgumentException on a map loaded for selected names only
     */
    public List<String> closestNames(String name, int limit) {
        if (wanted != null) {
            throw new IllegalArgumentException("symbol map " + source
                    + " was loaded for selected names only; closest names need the whole file");
        }
        byte[] query = bytes(name);
        if (query == null || limit <= 0) {
            return List.of();
        }
        NameDistance distance = new NameDistance(query, Math.max(2, query.length / 4));
        Map<String, Integer> found = new HashMap<>();
        collectClose(index.names, query, distance, found);
        collectClose(index.exported, query, distance, found);
        found.remove(name);
        return found.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
                .limit(limit).map(Map.Entry::getKey).toList();
    }

    /** Adds each name of {@code table} close to {@code query}: renamed copies rank as distance 0. */
    private void collectClose(SliceTable table, byte[] query, NameDistance distance, Map<String, Integer> found) {
        for (int id = 0; id < table.size(); id++) {
            int start = table.start(id);
            int end = table.end(id);
            int rank;
            if (end - start > query.length && data[start + query.length] == '.'
                    && Arrays.equals(data, start, start + query.length, query, 0, query.length)) {
                rank = 0;
            } else {
                rank = distance.distance(data, start, end);
            }
            if (rank >= 0) {
                found.merge(new String(data, start, end - start, ISO_8859_1), rank, Math::min);
            }
        }
    }

    /** {@return number of non-exported entries indexed} */
    public int entryCount() {
        return index.entryCount();
    }

    /** {@return number of distinct exported names indexed} */
    public int exportedCount() {
        return index.exported.size();
    }

    /** {@return distinct object names, in order of first appearance} */
    public List<String> objects() {
        List<String> result = new ArrayList<>(objectNames.length);
        for (int i = 0; i < objectNames.length; i++) {
            result.add(objectName(i));
        }
        return Collections.unmodifiableList(result);
    }

    /**
     * Replays the file line by line into {@code visitor}; with a {@link SymbolFileWriter} this
     * writes the file back byte for byte.
     *
     * @param visitor receives the lines in file order
     * @throws IOException if a file cannot be read or written
     */
    public void accept(SymbolFileVisitor visitor) throws IOException {
        SymbolFileFormat.accept(data, source, visitor);
    }

    private String objectName(int id) {
        String name = objectNames[id];
        if (name == null) {
            int start = index.objects.start(id);
            name = new String(data, start, index.objects.end(id) - start, ISO_8859_1);
            objectNames[id] = name;
        }
        return name;
    }

    /** The bytes of a queried name, or {@code null} when it cannot occur in any file. */
    private byte[] key(String name) {
        if (!covers(name)) {
            throw new IllegalArgumentException("symbol map " + source + " was loaded for selected names only; '"
                    + name + "' is not one of them");
        }
        return bytes(name);
    }

    /** The ISO-8859-1 bytes of {@code s}, or {@code null} when no line of a file can equal it. */
    private static byte[] bytes(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c > 0xff || c == 0) {
                return null;
            }
        }
        return s.getBytes(ISO_8859_1);
    }

    /** The filter of {@link #load(Path, Set)}: a hash set of the wanted names as bytes. */
    private static final class WantedNames implements SymbolIndex.NameFilter {
        private final SliceTable table;
        private final boolean[] lengths;

        WantedNames(Set<String> names) {
            List<String> usable = names.stream().filter(n -> bytes(n) != null).toList();
            byte[] keys = String.join("", usable).getBytes(ISO_8859_1);
            table = new SliceTable(keys, usable.size());
            lengths = new boolean[usable.stream().mapToInt(String::length).max().orElse(0) + 1];
            int at = 0;
            for (String name : usable) {
                table.add(at, at + name.length());
                lengths[name.length()] = true;
                at += name.length();
            }
        }

        @Override
        public boolean accepts(byte[] data, int start, int end) {
            int length = end - start;
            return length < lengths.length && lengths[length] && table.find(data, start, end) >= 0;
        }
    }
}
