/**
 * Relocation types: one enum per {@link org.klpconvert.elf.reloc.Machine}, each constant
 * spelled as GNU readelf 2.40 prints it and marked with whether the Linux kernel applies it in
 * a module.
 */
package org.klpconvert.elf.reloc;
