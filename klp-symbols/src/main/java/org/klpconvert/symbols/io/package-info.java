/**
 * Reading files that may be compressed (gzip, xz, zstd), recognised by their content.
 */
package org.klpconvert.symbols.io;
