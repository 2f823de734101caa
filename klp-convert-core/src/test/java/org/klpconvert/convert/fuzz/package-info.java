/** The fuzz harness: one property over every parser and entry point, fed by corpus mutants. */
package org.klpconvert.convert.fuzz;
