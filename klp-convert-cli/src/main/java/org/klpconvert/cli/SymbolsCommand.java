package org.klpconvert.cli;

import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import org.klpconvert.convert.OutputFile;
import org.klpconvert.symbols.DuplicateOrigin;
import org.klpconvert.symbols.gen.DuplicateOrder;
import org.klpconvert.symbols.gen.GeneratorOptions;
import org.klpconvert.symbols.gen.ObjectSymbols;
import org.klpconvert.symbols.gen.SymbolsGenerator;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Generates {@code symbols.klp}: from vmlinux (ELF or System.map) plus a module tree, the way
 * kbuild does, or from a {@code /proc/kallsyms} dump, whose order is the order the kernel
 * counts sympos in.
 */
@Command(name = "symbols", mixinStandardHelpOptions = true, subcommands = SymbolsQueryCommand.class,
        description = {"Generate a symbols.klp file (--kallsyms, or --vmlinux/--modules; and -o).",
            "klp-tool symbols query -s SYMBOLS NAME... looks names up in one."})
final class SymbolsCommand implements Callable<Integer> {

    @Mixin
    Verbosity verbosity;

    /**
     * Required unless a subcommand runs, or only {@code --symvers} is given (user guide 4.4: a
     * vmlinux block of exports only); checked in {@link #call()}.
     */
    @ArgGroup(exclusive = true, multiplicity = "0..1")
    Source source;

    static final class Source {
        @ArgGroup(exclusive = false)
        KernelTree tree;

        @Option(names = "--kallsyms", required = true, description = "A /proc/kallsyms dump (root, kptr_restrict=0).")
        Path kallsyms;
    }

    static final class KernelTree {
        @Option(names = "--vmlinux", description = "vmlinux (ELF, e.g. from the -dbg package) or its System.map.")
        Path vmlinux;

        @Option(names = "--modules", description = "Directory searched for .ko, .ko.xz, .ko.zst and .ko.gz files.")
        Path modules;
    }

    @Option(names = "--symvers", description = "Module.symvers: adds __ksymtab_<name> lines for its exports.")
    Path symvers;

    @Option(names = "--nm-order", description = "List duplicate vmlinux names in nm (symbol table) order, as upstream kbuild does, instead of address order.")
    boolean nmOrder;

    @Option(names = "--raw-names", description = "Keep module file names as they are (kvm-intel) instead of the kernel's module names (kvm_intel).")
    boolean rawNames;

    @Option(names = "--threads", description = "Worker threads (default: one per processor).")
    Integer threads;

    @Option(names = "--progress", description = "Show a progress bar on stderr (default: when run from an interactive terminal).")
    boolean progress;

    /** As typed: a trailing slash must reach {@link OutputFile}, which refuses it. */
    @Option(names = {"-o", "--output"}, description = "The symbols file to write (required).")
    String output;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    /** What the file is generated from, to name in messages. */
    private Path source() {
        if (source == null) {
            return symvers;
        }
        if (source.kallsyms != null) {
            return source.kallsyms;
        }
        return source.tree.modules != null ? source.tree.modules : source.tree.vmlinux;
    }

    @Override
    public Integer call() throws Exception {
        verbosity.apply();
        if (source == null && symvers == null) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "Missing required argument (specify one of these): (--kallsyms=<kallsyms> | [--vmlinux=<vmlinux>]"
                            + " [--modules=<modules>] | --symvers=<symvers>)");
        }
        if (output == null) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "Missing required option: '--output=<output>'");
        }
        List<ObjectSymbols> objects;
        boolean kallsyms = source != null && source.kallsyms != null;
        DuplicateOrigin order = kallsyms ? DuplicateOrigin.KALLSYMS
                : nmOrder ? DuplicateOrigin.UNSTATED : DuplicateOrigin.ADDRESS;
        if (kallsyms) {
            objects = SymbolsGenerator.fromKallsyms(source.kallsyms, symvers);
        } else {
            KernelTree tree = source == null ? new KernelTree() : source.tree;
            GeneratorOptions options = GeneratorOptions.defaults()
                    .withVmlinuxOrder(nmOrder ? DuplicateOrder.SYMTAB : DuplicateOrder.ADDRESS)
                    .withRawObjectNames(rawNames);
            if (threads != null) {
                if (threads < 1) {
                    throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                            "--threads must be at least 1: " + threads);
                }
                options = options.withThreads(threads);
            }
            if (progress || System.console() != null) {
                options = options.withListener(new ProgressBar(System.err));
            }
            objects = new SymbolsGenerator(options)
                    .objects(new SymbolsGenerator.KernelInputs(tree.vmlinux, tree.modules, symvers));
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(1 << 20);
        SymbolsGenerator.write(objects, order, bytes);
        OutputFile.writeAtomically(output, bytes.toByteArray(), String.valueOf(source()));
        return KlpTool.OK;
    }
}
