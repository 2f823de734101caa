/**
 * The speed harness of klp-symbols (a main class, not a unit test): generation against the
 * nm pipeline, and load time and heap of a full-size symbols file.
 */
package org.klpconvert.symbols.bench;
