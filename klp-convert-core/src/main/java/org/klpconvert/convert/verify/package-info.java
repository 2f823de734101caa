/**
 * Checking a converted module against what the kernel requires of it:
 * {@link org.klpconvert.convert.verify.Verifier} applies the rules of
 * {@link org.klpconvert.convert.verify.Rule} and reports
 * {@link org.klpconvert.convert.verify.Finding}s, as {@code klp-tool verify} does.
 */
package org.klpconvert.convert.verify;
