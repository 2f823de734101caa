/**
 * Reading ELF relocatable objects (kernel modules) of either class and byte order:
 * {@link org.klpconvert.elf.ElfFile} is an immutable, checked view whose records
 * ({@link org.klpconvert.elf.ElfHeader}, {@link org.klpconvert.elf.SectionHeader},
 * {@link org.klpconvert.elf.ElfSymbol}, {@link org.klpconvert.elf.ElfRelocation}) describe
 * exactly what is stored. Malformed input raises {@link org.klpconvert.elf.ElfFormatException},
 * the root of the project's checked exceptions being {@link org.klpconvert.elf.KlpException}.
 */
package org.klpconvert.elf;
