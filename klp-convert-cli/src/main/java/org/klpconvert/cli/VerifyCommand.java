package org.klpconvert.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import org.klpconvert.convert.verify.Finding;
import org.klpconvert.convert.verify.KernelVersion;
import org.klpconvert.convert.verify.Severity;
import org.klpconvert.convert.verify.Verifier;
import org.klpconvert.elf.ElfFile;
import org.klpconvert.elf.KlpException;
import org.klpconvert.symbols.SymbolMap;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * Checks converted livepatch modules against the kernel's rules (kernel-rules.md section 9),
 * one line per finding on stdout. Exit 0 without ERROR findings, 1 with some, 3 when a module
 * or the symbols file cannot be read.
 */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = "Check converted livepatch modules against what the kernel requires (rules KM, KR, KS, KP, KO).")
final class VerifyCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    Verbosity verbosity;

    @Option(names = {"-s", "--symbols"}, paramLabel = "SYMBOLS",
            description = "The target kernel's symbols.klp: enables KS9 (exports) and KP1/KP2 (sympos).")
    Path symbols;

    @Option(names = "--kernel", paramLabel = "VERSION", converter = VersionConverter.class,
            description = "Target kernel version (e.g. 6.1, 5.4); default: the newest rules.")
    KernelVersion kernel = KernelVersion.NEWEST;

    @Option(names = "--kernel-release", paramLabel = "RELEASE",
            description = "Target kernel release (uname -r): check the modules' vermagic against it (KM9, KM10).")
    String kernelRelease;

    @Option(names = "--json", description = "Print one JSON document (schema klp-tool/verify, docs/json.md);"
            + " INFO findings included.")
    boolean json;

    /** Version of the {@code klp-tool/verify} JSON schema (docs/json.md). */
    static final int JSON_VERSION = 1;

    @Parameters(arity = "1..*", paramLabel = "MODULE", description = "Converted modules (.ko) to check.")
    Path[] modules;

    static final class VersionConverter implements CommandLine.ITypeConverter<KernelVersion> {
        @Override
        public KernelVersion convert(String value) {
            try {
                return KernelVersion.parse(value);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }

    private void writeJson(PrintWriter out, java.util.Map<Path, List<Finding>> results) throws java.io.IOException {
        try (JsonOutput doc = new JsonOutput(out, "verify", JSON_VERSION)) {
            com.fasterxml.jackson.core.JsonGenerator g = doc.generator();
            if (symbols != null) {
                g.writeStringField("symbols_file", symbols.toString());
            }
            g.writeStringField("kernel", kernel.toString());
            g.writeArrayFieldStart("modules");
            for (java.util.Map.Entry<Path, List<Finding>> e : results.entrySet()) {
                g.writeStartObject();
                g.writeStringField("module", e.getKey().toString());
                g.writeBooleanField("errors", Verifier.hasErrors(e.getValue()));
                g.writeArrayFieldStart("findings");
                for (Finding f : e.getValue()) {
                    g.writeStartObject();
                    g.writeStringField("rule", f.rule());
                    g.writeStringField("severity", f.severity().toString());
                    g.writeStringField("place", f.place());
                    g.writeStringField("message", f.message());
                    if (f.kernelMessage() != null) {
                        g.writeStringField("kernel_message", f.kernelMessage());
                    }
                    g.writeEndObject();
                }
                g.writeEndArray();
                g.writeEndObject();
            }
            g.writeEndArray();
        }
    }

    @Override
    public Integer call() throws Exception {
        verbosity.apply();
        boolean showInfo = verbosity.verbose.length > 0;
        Verifier.Builder builder = Verifier.builder().kernel(kernel);
        if (symbols != null) {
            try {
                builder.symbols(SymbolMap.load(symbols));
            } catch (KlpException e) {
                // exit 1 means findings here: a symbols file that cannot be used is 3, as a module
                spec.commandLine().getErr().println("klp-tool: " + e.getMessage());
                return KlpTool.MALFORMED;
            }
        }
        if (kernelRelease != null) {
            builder.kernelRelease(kernelRelease);
        }
        Verifier verifier = builder.build();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        boolean errors = false;
        boolean malformed = false;
        java.util.Map<Path, List<Finding>> results = new java.util.LinkedHashMap<>();
        for (Path module : modules) {
            List<Finding> findings;
            try {
                findings = verifier.verify(ElfFile.map(module)); // mapped: a large module is not copied into the heap
            } catch (KlpException e) {
                // malformed or unreadable (missing, not a regular file, too large): exit 3 as documented
                err.println("klp-tool: " + e.getMessage());
                malformed = true;
                continue;
            }
            results.put(module, findings);
            errors |= Verifier.hasErrors(findings);
            if (json) {
                continue;
            }
            for (Finding f : findings) {
                if (f.severity() != Severity.INFO || showInfo) {
                    out.println(f.render(module.toString()));
                }
            }
        }
        if (json) {
            writeJson(out, results);
        }
        out.flush();
        return malformed ? KlpTool.MALFORMED : errors ? KlpTool.FAILED : KlpTool.OK;
    }
}
