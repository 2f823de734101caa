/**
 * Program headers (segments) of executables, shared objects and kernels, and which sections
 * each segment holds, decided by the rules GNU readelf uses for its section-to-segment map.
 */
package org.klpconvert.elf.segment;
