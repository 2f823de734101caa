package org.klpconvert.convert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.module.ModuleDescriptor;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.klpconvert.elf.ElfFile;
import org.klpconvert.symbols.SymbolMap;

/**
 * The three libraries run as named modules (the tests run on the module path) and export their
 * API packages only: the architecture handlers stay internal.
 */
class ModuleDescriptorTest {

    @Test
    void librariesAreNamedModulesThatExportTheirApiOnly() {
        assertExports(ElfFile.class, "org.klpconvert.elf",
                Set.of("org.klpconvert.elf", "org.klpconvert.elf.dump", "org.klpconvert.elf.dynamic",
                        "org.klpconvert.elf.edit", "org.klpconvert.elf.io", "org.klpconvert.elf.kmod", "org.klpconvert.elf.note",
                        "org.klpconvert.elf.reloc",
                        "org.klpconvert.elf.segment", "org.klpconvert.elf.version"));
        assertExports(SymbolMap.class, "org.klpconvert.symbols",
                Set.of("org.klpconvert.symbols", "org.klpconvert.symbols.gen", "org.klpconvert.symbols.io"));
        assertExports(Converter.class, "org.klpconvert.convert",
                Set.of("org.klpconvert.convert", "org.klpconvert.convert.annotation", "org.klpconvert.convert.diag", "org.klpconvert.convert.explain",
                        "org.klpconvert.convert.resolve", "org.klpconvert.convert.verify"));
    }

    @Test
    void optionalCompressorsAreStaticRequirements() {
        ModuleDescriptor symbols = SymbolMap.class.getModule().getDescriptor();
        Set<String> optional = symbols.requires().stream()
                .filter(r -> r.modifiers().contains(ModuleDescriptor.Requires.Modifier.STATIC))
                .map(ModuleDescriptor.Requires::name).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(new TreeSet<>(Set.of("com.github.luben.zstd_jni", "org.tukaani.xz")), optional);
    }

    private static void assertExports(Class<?> type, String module, Set<String> packages) {
        assertTrue(type.getModule().isNamed(), type + " is not in a named module: the tests left the module path");
        ModuleDescriptor descriptor = type.getModule().getDescriptor();
        assertEquals(module, descriptor.name());
        Set<String> exported = descriptor.exports().stream().map(ModuleDescriptor.Exports::source)
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(new TreeSet<>(packages), exported);
        assertTrue(descriptor.exports().stream().noneMatch(ModuleDescriptor.Exports::isQualified));
    }
}
