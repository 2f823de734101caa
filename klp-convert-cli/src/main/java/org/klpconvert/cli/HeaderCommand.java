package org.klpconvert.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * Prints {@code klp_annot.h}, the header that defines {@code KLP_MODULE_RELOC} and
 * {@code KLP_SYMPOS} for kernels that lack them; the distribution ships the same file in
 * {@code include/}.
 */
@Command(name = "header", mixinStandardHelpOptions = true,
        description = "Print klp_annot.h, which defines KLP_MODULE_RELOC and KLP_SYMPOS for a livepatch module"
                + " (klp-tool header > klp_annot.h).")
final class HeaderCommand implements Callable<Integer> {
    /** Where the header is in the jar; the distribution copies it to include/. */
    static final String RESOURCE = "include/klp_annot.h";

    @Spec
    CommandSpec spec;

    /** The header's bytes (ASCII). */
    static byte[] header() {
        try (InputStream in = HeaderCommand.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the jar lacks " + RESOURCE);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public Integer call() {
        spec.commandLine().getOut().print(new String(header(), java.nio.charset.StandardCharsets.US_ASCII));
        spec.commandLine().getOut().flush();
        return KlpTool.OK;
    }
}
