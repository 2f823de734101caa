/**
 * Internal (not exported): one handler per machine that tells whether that machine's kernel
 * can apply a relocation once it has become a livepatch relocation.
 */
package org.klpconvert.convert.arch;
