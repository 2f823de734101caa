// SPDX-License-Identifier: GPL-2.0
/*
 * klp_rk_target: the module object patched by klp_rk_modpatch (the
 * self-built kernels have no distribution modules to patch).
 *
 * /proc/klp_rk_target is written by klp_rk_target_show(), which the
 * livepatch replaces. The module has
 *   - klp_rk_secret, a static variable nobody exports;
 *   - klp_rk_twin, a static name defined twice, once in each of the module's
 *     two source files (101 here, 202 in klp_rk_target_twin.c). The
 *     livepatch binds the 2nd copy with KLP_SYMPOS and must read 202.
 * The values are stored at init so that the compiler cannot fold them away.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/kernel.h>
#include <linux/module.h>
#include <linux/proc_fs.h>
#include <linux/seq_file.h>

#include "klp_rk_target.h"

static int klp_rk_secret __used;
static int klp_rk_twin __used;

static int klp_rk_target_show(struct seq_file *m, void *v)
{
	seq_printf(m, "klp_rk_target: original secret=%d twins=%d/%d\n",
		   READ_ONCE(klp_rk_secret), READ_ONCE(klp_rk_twin), klp_rk_target_twin2());
	return 0;
}

static int klp_rk_target_init(void)
{
	WRITE_ONCE(klp_rk_secret, 4242);
	WRITE_ONCE(klp_rk_twin, 101);
	klp_rk_target_twin2_init();
	if (!proc_create_single("klp_rk_target", 0444, NULL, klp_rk_target_show))
		return -ENOMEM;
	return 0;
}

static void klp_rk_target_exit(void)
{
	remove_proc_entry("klp_rk_target", NULL);
}

module_init(klp_rk_target_init);
module_exit(klp_rk_target_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("klp-convert real-kernel test: module object to patch");
