/**
 * ELF notes: the note sections (or, without sections, the {@code PT_NOTE} segments) split into
 * their notes, and the decoding of the common ones (GNU build ID, ABI tag).
 */
package org.klpconvert.elf.note;
