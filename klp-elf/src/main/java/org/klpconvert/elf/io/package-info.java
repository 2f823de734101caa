/**
 * Reading input files within bounds: only regular files, never more than a Java array holds,
 * with refusals that name the file and say why.
 */
package org.klpconvert.elf.io;
