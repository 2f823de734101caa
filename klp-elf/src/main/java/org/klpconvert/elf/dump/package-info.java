/**
 * Textual dumps of ELF objects. {@link org.klpconvert.elf.dump.ReadelfDump} reproduces GNU
 * readelf's output, so that objects can be compared and explained in a form every ELF user
 * knows, and so that readelf itself can serve as a test oracle for the reader.
 */
package org.klpconvert.elf.dump;
