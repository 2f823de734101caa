/**
 * The dynamic section of executables and shared objects: its entries, and the strings
 * ({@code DT_NEEDED}, {@code DT_SONAME}, ...) they name through {@code DT_STRTAB}.
 */
package org.klpconvert.elf.dynamic;
