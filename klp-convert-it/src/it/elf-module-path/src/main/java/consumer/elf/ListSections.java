package consumer.elf;

import java.nio.file.Path;
import org.klpconvert.elf.ElfFile;
import org.klpconvert.elf.SectionHeader;

/** Lists the sections of a module; fails unless a livepatch relocation section is among them. */
public class ListSections {
    public static void main(String[] args) throws Exception {
        ElfFile file = ElfFile.read(Path.of(args[0]));
        boolean livepatch = false;
        for (SectionHeader section : file.sections()) {
            System.out.println(section.name());
            livepatch |= section.name().startsWith(".klp.rela.");
        }
        if (!livepatch || file.sections().size() != file.header().shnum()) {
            throw new AssertionError("unexpected sections in " + args[0]);
        }
        System.out.println("module " + ElfFile.class.getModule().getName());
    }
}
