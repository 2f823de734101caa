// SPDX-License-Identifier: GPL-2.0
/*
 * klp_rk_binfmt: real-kernel test livepatch against the loadable module
 * binfmt_misc.
 *
 * Replaces bm_status_read(), the read handler of <binfmt_misc mount>/status,
 * so that it also prints the module's own state, read through three static
 * (non-exported) symbols of binfmt_misc: enabled, entries and entries_lock.
 * After conversion their relocations live in .klp.rela.binfmt_misc.* and are
 * applied by the livepatch core when binfmt_misc is (or gets) loaded.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/kernel.h>
#include <linux/module.h>
#include <linux/livepatch.h>
#include <linux/fs.h>
#include <linux/list.h>
#include <linux/spinlock.h>

#include "klp_rk_annot.h"

/* Static in fs/binfmt_misc.c, so never exported. */
extern int enabled;
extern struct list_head entries;
extern rwlock_t entries_lock;

/*
 * Each name occurs once, in binfmt_misc only, so the converter would find the
 * object by itself. The annotation pins it anyway, which exercises
 * KLP_MODULE_RELOC for a module object (and would keep the patch correct if a
 * homonym appeared in vmlinux later).
 */
static KLP_MODULE_RELOC(binfmt_misc) klp_rk_binfmt_relocs[] = {
	KLP_SYMPOS(enabled, 0),
	KLP_SYMPOS(entries, 0),
	KLP_SYMPOS(entries_lock, 0),
};

static ssize_t livepatch_bm_status_read(struct file *file, char __user *buf,
					size_t nbytes, loff_t *ppos)
{
	char text[80];
	struct list_head *pos;
	int on, count = 0;
	size_t len;

	read_lock(&entries_lock);
	list_for_each(pos, &entries)
		count++;
	on = READ_ONCE(enabled);
	read_unlock(&entries_lock);

	len = scnprintf(text, sizeof(text),
			"%s [klp_rk_binfmt: enabled=%d entries=%d]\n",
			on ? "enabled" : "disabled", on, count);
	return simple_read_from_buffer(buf, nbytes, ppos, text, len);
}

static struct klp_func funcs[] = {
	{
		.old_name = "bm_status_read",
		.new_func = livepatch_bm_status_read,
	}, { }
};

static struct klp_object objs[] = {
	{
		.name = "binfmt_misc",
		.funcs = funcs,
	}, { }
};

static struct klp_patch patch = {
	.mod = THIS_MODULE,
	.objs = objs,
};

static int klp_rk_binfmt_init(void)
{
	return klp_enable_patch(&patch);
}

static void klp_rk_binfmt_exit(void)
{
}

module_init(klp_rk_binfmt_init);
module_exit(klp_rk_binfmt_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("klp-convert real-kernel test: binfmt_misc object");
MODULE_INFO(livepatch, "Y");
