/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Sympos annotations for the real-kernel test modules.
 *
 * Debian's 6.1 headers have no klp-convert annotation macros, so this header
 * defines the record that klp-convert reads (see docs of the symbols file and
 * annotations): 12 bytes, packed, in a section named
 * ".klp.module_relocs.<object>", aligned to 4. The first 8 bytes carry an
 * absolute relocation against the annotated symbol, the last 4 bytes the
 * wanted position of that symbol among its homonyms in <object>.
 *
 * The converter consumes these sections and drops them from its output.
 */
#ifndef KLP_RK_ANNOT_H
#define KLP_RK_ANNOT_H

#include <linux/types.h>
#include <linux/compiler.h>

struct klp_rk_sympos_record {
	union {
		void *sym;
		u64 sym_u64;
	};
	u32 sympos;
} __packed;

/* Declares an array of records for one object, e.g. vmlinux or binfmt_misc. */
#define KLP_MODULE_RELOC(object)					\
	struct klp_rk_sympos_record __used __aligned(4)			\
	__section(".klp.module_relocs." #object)

/* One record: bind @symbol to its @pos-th copy (1-based; 0 = unique). */
#define KLP_SYMPOS(symbol, pos)	{ .sym = &(symbol), .sympos = (pos) }

#endif /* KLP_RK_ANNOT_H */
