/**
 * Linux kernel modules as the module tools see them: the {@code .modinfo} fields (name,
 * vermagic, depends, license, parameters, ...), the {@code __versions} CRC table of a
 * modversions build, and their text as kmod's {@code modinfo} and
 * {@code modprobe --dump-modversions} print it. Nothing here knows about livepatching.
 */
package org.klpconvert.elf.kmod;
