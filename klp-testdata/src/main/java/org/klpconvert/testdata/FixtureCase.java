package org.klpconvert.testdata;

import java.nio.file.Path;

/**
 * One klpt_* fixture module (klp-testdata/src/fixtures/README.md): a kbuild livepatch module
 * before conversion and the symbols file of its architecture. There is no reference output;
 * tests judge the converted module by the kernel's rules.
 *
 * @param arch    fixture architecture folder ({@code x86_64}, {@code arm64}, {@code ppc64le},
 *                {@code s390}, {@code ppc32})
 * @param module  module name ({@code klpt_basic}, ...)
 * @param input   the module before conversion ({@code <module>.tmp.ko})
 * @param symbols the architecture's {@code symbols.klp}
 */
public record FixtureCase(String arch, String module, Path input, Path symbols) {
    @Override
    public String toString() {
        return arch + "/" + module;
    }
}
