/**
 * Explains a conversion before it happens: for every unresolved symbol of a livepatch module,
 * what the converter will do with it and why (exported, unique, annotated, ambiguous,
 * missing, refused), without writing anything. The CLI's {@code klp-tool explain} and
 * {@code klp-tool convert --dry-run} render an {@link org.klpconvert.convert.explain.Explanation}.
 */
package org.klpconvert.convert.explain;
