package org.klpconvert.symbols.gen;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.klpconvert.elf.ElfFile;
import org.klpconvert.elf.KlpException;
import org.klpconvert.symbols.DuplicateOrigin;
import org.klpconvert.symbols.SymbolFileFormat;
import org.klpconvert.symbols.SymbolFileWriter;
import org.klpconvert.symbols.io.Compression;

/**
 * Generates a symbols file from kernel build products (klp-convert.md §3.3): the names
 * {@code nm -f posix} shows for vmlinux (or the third column of a {@code System.map}), then
 * one block per module found under a directory, in path order, livepatch modules left out.
 * Modules are read in parallel, decompressed in memory when compressed.
 *
 * <p>Equal names: for vmlinux, address order by default, so the k-th line of a name is the
 * copy the kernel's sympos k binds; {@link DuplicateOrder#SYMTAB} gives nm's order instead
 * (§3.4). Modules keep symbol-table order, which both nm and the kernel use for them.
 */
public final class SymbolsGenerator {

    private static final String VMLINUX = "vmlinux";

    private final GeneratorOptions options;

    /**
     * A generator with these options.
     *
     * @param options how to generate
     */
    public SymbolsGenerator(GeneratorOptions options) {
        this.options = options;
    }

    /**
     * What to read; every part is optional ({@code null}).
     *
     * @param vmlinux    an ELF vmlinux or a {@code System.map}, possibly compressed
     * @param modulesDir a tree holding {@code .ko}, {@code .ko.xz}, {@code .ko.zst}, {@code .ko.gz}
     * @param symvers    a {@code Module.symvers}; adds {@code __ksymtab_<name>} lines to the
     *                   vmlinux block for exports it does not list yet
     */
    public record KernelInputs(Path vmlinux, Path modulesDir, Path symvers) {
    }

    /**
     * Generates and writes the file.
     *
     * @param inputs vmlinux (or its System.map) and the modules
     * @param out where the symbols file goes
     * @throws IOException if a file cannot be read or written
     */
    public void generate(KernelInputs inputs, OutputStream out) throws IOException {
        write(objects(inputs), out);
    }

    /**
     * {@return the blocks of the file, vmlinux first}
     *
     * @param inputs vmlinux (or its System.map) and the modules
     * @throws IOException if a file cannot be read or written
     */
    public List<ObjectSymbols> objects(KernelInputs inputs) throws IOException {
        List<Path> modules = inputs.modulesDir() == null ? List.of() : ModuleFiles.find(inputs.modulesDir());
        int total = modules.size() + (inputs.vmlinux() == null ? 0 : 1);
        AtomicInteger done = new AtomicInteger();
        List<ObjectSymbols> result = new ArrayList<>();
        if (inputs.vmlinux() != null || inputs.symvers() != null) {
            List<String> names = inputs.vmlinux() == null ? new ArrayList<>() : vmlinuxNames(inputs.vmlinux());
            if (inputs.vmlinux() != null) {
                options.listener().onFile(done.incrementAndGet(), total, inputs.vmlinux());
            }
            if (inputs.symvers() != null) {
                addExports(names, TextInputs.symversExports(inputs.symvers()));
            }
            result.add(new ObjectSymbols(VMLINUX, names));
        }
        result.addAll(modules(modules, total, done));
        return result;
    }

    /**
     * Converts a {@code /proc/kallsyms} dump (see {@link Kallsyms}), adding the exports of an optional symvers.
     *
     * @param dump the {@code /proc/kallsyms} text
     * @param symvers a {@code Module.symvers} file, or null
     * @return the symbols of vmlinux and of each module, in the dump's order
     * @throws IOException if a file cannot be read or written
     */
    public static List<ObjectSymbols> fromKallsyms(Path dump, Path symvers) throws IOException {
        List<ObjectSymbols> objects = new ArrayList<>(Kallsyms.read(dump));
        if (symvers != null) {
            boolean hasVmlinux = !objects.isEmpty() && objects.get(0).object().equals(VMLINUX);
            List<String> names = hasVmlinux ? new ArrayList<>(objects.get(0).names()) : new ArrayList<>();
            addExports(names, TextInputs.symversExports(symvers));
            if (hasVmlinux) {
                objects.set(0, new ObjectSymbols(VMLINUX, names));
            } else {
                objects.add(0, new ObjectSymbols(VMLINUX, names));
            }
        }
        return objects;
    }

    /**
     * Writes a whole file with the plain header, which states no order of equal names.
     *
     * @param objects the blocks, in output order
     * @param out where the symbols file goes
     * @throws IOException if a file cannot be read or written
     */
    public static void write(List<ObjectSymbols> objects, OutputStream out) throws IOException {
        write(objects, DuplicateOrigin.UNSTATED, out);
    }

    /**
     * Writes a whole file: the header line, stating {@code order} after the 27 bytes the C
     * tool reads, then each block.
     *
     * @param objects the blocks, in output order
     * @param order the order of equal names the header states
     * @param out where the symbols file goes
     * @throws IOException if a file cannot be read or written
     */
    public static void write(List<ObjectSymbols> objects, DuplicateOrigin order, OutputStream out)
            throws IOException {
        SymbolFileWriter writer = new SymbolFileWriter(out);
        writer.header(order.headerLine());
        for (ObjectSymbols block : objects) {
            writer.object(block.object());
            for (String name : block.names()) {
                writer.symbol(name);
            }
        }
        writer.end(true);
    }

    /** An ELF vmlinux by its magic; anything else must be a System.map, line by line. */
    private List<String> vmlinuxNames(Path file) throws IOException {
        return Compression.readAll(file, bytes -> {
            if (bytes.length >= 4 && bytes[0] == 0x7f && bytes[1] == 'E' && bytes[2] == 'L' && bytes[3] == 'F') {
                return new ArrayList<>(NmSymbols.sortedNames(ElfFile.parse(bytes, file.toString()), options.vmlinuxOrder()));
            }
            List<String> names = new ArrayList<>(TextInputs.systemMapNames(file, bytes));
            names.sort(Comparator.naturalOrder()); // stable: equal names stay in address order
            return names;
        });
    }

    /** Adds {@code __ksymtab_<name>} for each export not listed yet, keeping the byte-wise order. */
    private static void addExports(List<String> names, Set<String> exports) {
        Set<String> present = new HashSet<>(names);
        for (String export : exports) {
            String line = SymbolFileFormat.KSYMTAB_PREFIX + export;
            if (present.add(line)) {
                names.add(line);
            }
        }
        names.sort(Comparator.naturalOrder());
    }

    private List<ObjectSymbols> modules(List<Path> paths, int total, AtomicInteger done) throws IOException {
        ExecutorService pool = Executors.newFixedThreadPool(options.threads());
        try {
            List<Future<ObjectSymbols>> futures = new ArrayList<>(paths.size());
            for (Path path : paths) {
                futures.add(pool.submit(() -> {
                    ObjectSymbols block = module(path);
                    options.listener().onFile(done.incrementAndGet(), total, path);
                    return block;
                }));
            }
            List<ObjectSymbols> result = new ArrayList<>(paths.size());
            for (Future<ObjectSymbols> future : futures) {
                ObjectSymbols block = future.get();
                if (block != null) {
                    result.add(block);
                }
            }
            return result;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while reading modules");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            if (e.getCause() instanceof OutOfMemoryError oom) {
                throw oom;
            }
            throw new KlpException("internal error while reading modules: " + e.getCause().getMessage(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /** One module's block, or {@code null} for a livepatch module. */
    private ObjectSymbols module(Path path) throws IOException {
        // Decompressed content counts against the bound shared by all worker threads.
        return Compression.readAll(path, bytes -> {
            ElfFile elf = ElfFile.parse(bytes, path.toString());
            if (ModuleFiles.isLivepatch(elf)) {
                return null;
            }
            return new ObjectSymbols(ModuleFiles.objectName(path, options.rawObjectNames()),
                    NmSymbols.sortedNames(elf, DuplicateOrder.SYMTAB));
        });
    }
}
