/**
 * Internal (not exported): the author's {@code KLP_MODULE_RELOC}/{@code KLP_SYMPOS}
 * annotations, read from and removed from the module being converted.
 */
package org.klpconvert.convert.annotation;
