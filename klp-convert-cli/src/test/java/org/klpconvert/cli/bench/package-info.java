/** Benchmark helpers run by the scripts in {@code klp-convert-cli/bench}, not unit tests. */
package org.klpconvert.cli.bench;
