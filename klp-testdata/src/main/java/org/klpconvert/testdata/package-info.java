/**
 * Test fixtures shared by every module: the conformance corpus of the C klp-convert (inputs,
 * symbols files and reference outputs for five architectures, plus error cases) and the
 * project's own cross-built livepatch modules.
 *
 * <p>Fixtures are classpath resources; {@link org.klpconvert.testdata.TestData} extracts them
 * once per JVM into a temporary directory so that tests and tools can work on ordinary files.
 */
package org.klpconvert.testdata;
