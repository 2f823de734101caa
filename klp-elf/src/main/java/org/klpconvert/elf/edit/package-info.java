/**
 * Editing and writing ELF objects: {@link org.klpconvert.elf.edit.ElfEditor} decodes an
 * {@link org.klpconvert.elf.ElfFile} into sections and symbols that refer to each other by
 * handle, so indices, string tables, links, group members and extended section numbering are
 * recomputed when the object is written in a {@link org.klpconvert.elf.edit.LayoutPolicy}.
 */
package org.klpconvert.elf.edit;
