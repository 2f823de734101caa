package consumer.core;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Stream;
import org.klpconvert.convert.Converter;
import org.klpconvert.elf.KlpException;
import org.klpconvert.symbols.SymbolMap;
import org.klpconvert.symbols.io.Compression;

/**
 * Converts every module of one corpus architecture with one Converter and compares each
 * output with the C tool's; then checks that xz data without the optional xz artifact are
 * refused with a message naming it.
 */
public class Convert {
    public static void main(String[] args) throws Exception {
        Path corpus = Path.of(args[0]);
        Path out = Files.createDirectories(Path.of(args[1]));
        Converter converter = new Converter(SymbolMap.load(corpus.resolve("symbols.klp.gz")));
        int converted = 0;
        try (Stream<Path> files = Files.list(corpus)) {
            for (Path input : files.filter(f -> f.toString().endsWith(".tmp.ko")).sorted().toList()) {
                String name = input.getFileName().toString().replace(".tmp.ko", ".ko");
                converter.convertFile(input, out.resolve(name));
                if (!Arrays.equals(Files.readAllBytes(corpus.resolve(name)), Files.readAllBytes(out.resolve(name)))) {
                    throw new AssertionError(name + " differs from the C tool's output");
                }
                converted++;
            }
        }
        if (converted == 0) {
            throw new AssertionError("no corpus module in " + corpus);
        }
        byte[] xz = {(byte) 0xfd, '7', 'z', 'X', 'Z', 0, 0, 4};
        try {
            Compression.decompress(xz, "probe.xz");
            throw new AssertionError("xz data decoded without the xz artifact");
        } catch (KlpException e) {
            if (!e.getMessage().contains("org.tukaani:xz")) {
                throw new AssertionError("message does not name the artifact: " + e.getMessage());
            }
            System.out.println(e.getMessage());
        }
        System.out.println(converted + " modules identical to the C tool's output, from "
                + (Converter.class.getModule().isNamed() ? Converter.class.getModule().getName() : "the class path"));
    }
}
