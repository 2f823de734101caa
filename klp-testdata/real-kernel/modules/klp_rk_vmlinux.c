// SPDX-License-Identifier: GPL-2.0
/*
 * klp_rk_vmlinux: real-kernel test livepatch against vmlinux.
 *
 * Replaces cmdline_proc_show() so that /proc/cmdline prints, after the boot
 * command line, values and addresses reached only through symbols that
 * vmlinux does not export:
 *   - saved_command_line (data, read),
 *   - nr_processes() (function, called),
 *   - total_forks (data, read),
 *   - mm_slots_hash (data, address only). vmlinux has two static copies
 *     (khugepaged and ksm); the KLP_SYMPOS annotation picks the 2nd one in
 *     /proc/kallsyms order, and the test compares the printed address with
 *     that line of /proc/kallsyms.
 *
 * Built unconverted, the module must be refused with "Unknown symbol";
 * converted by klp-convert, it must load and patch.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/kernel.h>
#include <linux/module.h>
#include <linux/livepatch.h>
#include <linux/seq_file.h>

#include "klp_rk_annot.h"

/* Not exported by vmlinux (absent from Module.symvers). */
extern char *saved_command_line;
extern unsigned long total_forks;
extern int nr_processes(void);
extern char mm_slots_hash[];

static KLP_MODULE_RELOC(vmlinux) klp_rk_vmlinux_relocs[] = {
	KLP_SYMPOS(mm_slots_hash, 2),
};

static int livepatch_cmdline_proc_show(struct seq_file *m, void *v)
{
	seq_printf(m,
		   "%s [klp_rk_vmlinux: nr_processes=%d total_forks=%lu saved_command_line@%px mm_slots_hash,2@%px]\n",
		   saved_command_line, nr_processes(), READ_ONCE(total_forks),
		   &saved_command_line, mm_slots_hash);
	return 0;
}

static struct klp_func funcs[] = {
	{
		.old_name = "cmdline_proc_show",
		.new_func = livepatch_cmdline_proc_show,
	}, { }
};

static struct klp_object objs[] = {
	{
		/* name being NULL means vmlinux */
		.funcs = funcs,
	}, { }
};

static struct klp_patch patch = {
	.mod = THIS_MODULE,
	.objs = objs,
};

static int klp_rk_vmlinux_init(void)
{
	return klp_enable_patch(&patch);
}

static void klp_rk_vmlinux_exit(void)
{
}

module_init(klp_rk_vmlinux_init);
module_exit(klp_rk_vmlinux_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("klp-convert real-kernel test: vmlinux object");
MODULE_INFO(livepatch, "Y");
