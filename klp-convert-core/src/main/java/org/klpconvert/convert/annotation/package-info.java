/**
 * The author's {@code KLP_MODULE_RELOC}/{@code KLP_SYMPOS} annotations, read from and removed
 * from the module being converted. Exported because {@code explain} and {@code resolve}
 * results carry the {@link org.klpconvert.convert.annotation.Annotation} that decided a symbol.
 */
package org.klpconvert.convert.annotation;
