/**
 * What the symbols file and the author's annotations decide for one unresolved name, and
 * which relocation sections may carry a livepatch relocation (klp-convert.md 5.2 to 5.4).
 * The converter turns these decisions into the C tool's messages; {@code klp-tool explain}
 * shows them to the author before anything is written.
 */
package org.klpconvert.convert.resolve;
