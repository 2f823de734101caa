/**
 * The converter's messages, {@link org.klpconvert.convert.diag.Diagnostic}, each with the
 * exact text the C klp-convert prints.
 */
package org.klpconvert.convert.diag;
