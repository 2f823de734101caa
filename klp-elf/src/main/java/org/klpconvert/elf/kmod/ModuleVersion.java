package org.klpconvert.elf.kmod;

/**
 * One entry of {@code __versions}: the CRC of an imported symbol's prototype, which the kernel
 * compares with its own before loading the module.
 *
 * @param crc the CRC ({@code unsigned long} in the module; 32 significant bits in practice)
 * @param symbol the symbol name
 */
public record ModuleVersion(long crc, String symbol) {
}
