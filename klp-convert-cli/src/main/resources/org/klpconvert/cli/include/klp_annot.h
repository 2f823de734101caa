/* SPDX-License-Identifier: GPL-2.0 */
/*
 * klp_annot.h - KLP_MODULE_RELOC / KLP_SYMPOS for livepatch modules built
 * against a kernel whose headers do not define them (every mainline and
 * distribution kernel: the klp-convert series was never merged).
 *
 * Shipped with klp-convert for Java (include/klp_annot.h, or
 * "klp-tool header > klp_annot.h"). Usage, in a livepatch module:
 *
 *	#include "klp_annot.h"
 *
 *	extern unsigned long mm_slots_hash[];
 *	KLP_MODULE_RELOC(vmlinux) my_relocs[] = {
 *		KLP_SYMPOS(mm_slots_hash, 2),
 *	};
 *
 * Each record tells the converter which copy of a symbol name a reference
 * means: KLP_SYMPOS(sym, 0) for a name that is unique in <object>, and
 * KLP_SYMPOS(sym, n) for its n-th copy (1-based, in /proc/kallsyms order) when
 * <object> has several. "klp-tool explain" says which symbols need one and
 * "klp-tool symbols query" prints the lines to paste.
 *
 * Layout (what the converter reads, on every architecture): an array of
 * 12-byte packed records in a section ".klp.module_relocs.<object>", aligned
 * to 4. Bytes 0-7 hold zeros and one absolute relocation against the symbol,
 * bytes 8-11 the position as a 32-bit value in the target's byte order. The
 * converter removes these sections (and the relocations against them) from
 * the module it writes; the kernel never sees them.
 *
 * Plain GNU C, no kernel header needed, so the same file works in kbuild and
 * in a test compiled without a kernel tree.
 */
#ifndef KLP_ANNOT_H
#define KLP_ANNOT_H

#ifndef KLP_MODULE_RELOC

struct klp_module_reloc {
	union {
		void *sym;
		unsigned long long sym64;	/* 8 bytes on 32-bit targets too */
	};
	unsigned int sympos;
} __attribute__((packed));

/* Declares an array of records for one object: vmlinux or a module name. */
#define KLP_MODULE_RELOC(object)					\
	struct klp_module_reloc __attribute__((__used__, __aligned__(4),	\
		__section__(".klp.module_relocs." #object)))

/* One record: bind @symbol to its @pos-th copy (1-based; 0 = unique). */
#define KLP_SYMPOS(symbol, pos)	{ .sym = &(symbol), .sympos = (pos) }

#endif /* KLP_MODULE_RELOC */
#endif /* KLP_ANNOT_H */
