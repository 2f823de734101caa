/**
 * klp-elf: the ELF relocatable object model of klp-convert. Reads, inspects, edits and writes
 * {@code ET_REL} objects (kernel modules) of either class and byte order, and prints them as
 * GNU readelf does. It depends on nothing but {@code java.base}.
 */
module org.klpconvert.elf {
    exports org.klpconvert.elf;
    exports org.klpconvert.elf.dump;
    exports org.klpconvert.elf.dynamic;
    exports org.klpconvert.elf.edit;
    exports org.klpconvert.elf.io;
    exports org.klpconvert.elf.kmod;
    exports org.klpconvert.elf.note;
    exports org.klpconvert.elf.reloc;
    exports org.klpconvert.elf.segment;
    exports org.klpconvert.elf.version;
}
