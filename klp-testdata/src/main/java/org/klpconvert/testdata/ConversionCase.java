package org.klpconvert.testdata;

import java.nio.file.Path;

/**
 * One conversion of the corpus: {@code klp-convert symbols input output} must produce exactly
 * {@code expected}.
 *
 * @param arch     corpus architecture folder ({@code x86_64}, {@code ppc32}, ...)
 * @param module   module name ({@code klp_conv1}, ...)
 * @param input    the module before conversion ({@code <module>.tmp.ko})
 * @param expected the C tool's output ({@code <module>.ko})
 * @param symbols  the architecture's decompressed symbols file
 */
public record ConversionCase(String arch, String module, Path input, Path expected, Path symbols) {
    @Override
    public String toString() {
        return arch + "/" + module;
    }
}
