// SPDX-License-Identifier: GPL-2.0
/*
 * klp_rk_modpatch: livepatch for the module object klp_rk_target.
 *
 * Replaces klp_rk_target_show() so that /proc/klp_rk_target prints what the
 * target's non-exported statics hold and where they are:
 *   - klp_rk_secret, unique in the target;
 *   - klp_rk_twin, defined twice in the target: KLP_SYMPOS(klp_rk_twin, 2)
 *     binds the 2nd copy (value 202, not 101);
 *   - pointers to klp_rk_secret in .data (klp_rk_data.h): PC-relative 32-bit
 *     on every machine (module to module is near), absolute 64-bit on 64-bit
 *     machines, absolute 32-bit on ppc32.
 * These relocations are applied when both the livepatch and the target are
 * loaded, in either order.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/kernel.h>
#include <linux/module.h>
#include <linux/livepatch.h>
#include <linux/seq_file.h>

#include "klp_rk_annot.h"
#include "klp_rk_data.h"

/* Statics of klp_rk_target. */
extern int klp_rk_secret;
extern int klp_rk_twin;

static KLP_MODULE_RELOC(klp_rk_target) klp_rk_modpatch_relocs[] = {
	KLP_SYMPOS(klp_rk_secret, 0),
	KLP_SYMPOS(klp_rk_twin, 2),
};

#ifdef CONFIG_64BIT
#define KLP_RK_TARGET_ABS32(p, s)
#else
#define KLP_RK_TARGET_ABS32(p, s) KLP_RK_ASM_ABS32(p, s)
#endif

asm("	.pushsection .data,\"aw\"\n"
    KLP_RK_ASM_ABS64(klp_rk_mdata, klp_rk_secret)
    KLP_RK_TARGET_ABS32(klp_rk_mdata, klp_rk_secret)
    KLP_RK_ASM_REL32(klp_rk_mdata, klp_rk_secret)
    "	.popsection\n");

extern const u64 klp_rk_mdata_abs64;
extern const u32 klp_rk_mdata_abs32;
extern const s32 klp_rk_mdata_rel32;

static int livepatch_klp_rk_target_show(struct seq_file *m, void *v)
{
	seq_printf(m, "klp_rk_target: patched secret=%d twin,2=%d klp_rk_secret@%lx klp_rk_twin,2@%lx",
		   READ_ONCE(klp_rk_secret), READ_ONCE(klp_rk_twin),
		   (unsigned long)&klp_rk_secret, (unsigned long)&klp_rk_twin);
	seq_printf(m, " data.rel32:klp_rk_secret=%lx", klp_rk_rel32_target(&klp_rk_mdata_rel32));
#ifdef CONFIG_64BIT
	seq_printf(m, " data.abs64:klp_rk_secret=%llx", READ_ONCE(klp_rk_mdata_abs64));
#else
	seq_printf(m, " data.abs32:klp_rk_secret=%x", READ_ONCE(klp_rk_mdata_abs32));
#endif
	seq_puts(m, "\n");
	return 0;
}

static struct klp_func funcs[] = {
	{
		.old_name = "klp_rk_target_show",
		.new_func = livepatch_klp_rk_target_show,
	}, { }
};

static struct klp_object objs[] = {
	{
		.name = "klp_rk_target",
		.funcs = funcs,
	}, { }
};

static struct klp_patch patch = {
	.mod = THIS_MODULE,
	.objs = objs,
};

static int klp_rk_modpatch_init(void)
{
	return klp_enable_patch(&patch);
}

static void klp_rk_modpatch_exit(void)
{
}

module_init(klp_rk_modpatch_init);
module_exit(klp_rk_modpatch_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("klp-convert real-kernel test: module object klp_rk_target");
MODULE_INFO(livepatch, "Y");
