/**
 * GNU symbol versioning: the version definitions ({@code .gnu.version_d}), the version
 * requirements ({@code .gnu.version_r}), the per-symbol version indices
 * ({@code .gnu.version}), and the version each dynamic symbol resolves to.
 */
package org.klpconvert.elf.version;
