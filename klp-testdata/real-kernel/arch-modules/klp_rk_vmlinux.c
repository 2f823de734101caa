// SPDX-License-Identifier: GPL-2.0
/*
 * klp_rk_vmlinux: livepatch against vmlinux for the self-built kernels
 * (ppc64le, s390x, ppc32; see ../run-arch.sh).
 *
 * Replaces cmdline_proc_show() so that /proc/cmdline prints, after the boot
 * command line, values and addresses reached only through symbols vmlinux
 * does not export:
 *   - nr_processes() (called), saved_command_line and total_forks (read);
 *   - c_start: vmlinux has several static copies; KLP_SYMPOS(c_start, 2)
 *     binds the 2nd in /proc/kallsyms order, and the module prints the
 *     address it got;
 *   - pointers to total_forks in .data and to saved_command_line in .rodata
 *     (klp_rk_data.h), as absolute 64-bit, absolute 32-bit and PC-relative
 *     32-bit words where the machine can hold them.
 * The test compares every printed address with the guest's /proc/kallsyms.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/kernel.h>
#include <linux/module.h>
#include <linux/livepatch.h>
#include <linux/seq_file.h>

#include "klp_rk_annot.h"
#include "klp_rk_data.h"

/* Not exported by vmlinux (absent from Module.symvers). */
extern char *saved_command_line;
extern unsigned long total_forks;
extern int nr_processes(void);
extern char c_start[];

static KLP_MODULE_RELOC(vmlinux) klp_rk_vmlinux_relocs[] = {
	KLP_SYMPOS(c_start, 2),
};

/*
 * 32-bit absolute words can hold vmlinux addresses on ppc32 and s390x (whose
 * 6.1 kernel runs at low addresses), not on ppc64 (0xc000...). A 32-bit
 * PC-relative word reaches vmlinux from a module only on ppc32: on ppc64 and
 * s390x modules lie further than 2 GiB away from the kernel image.
 */
#ifndef CONFIG_PPC64
#define KLP_RK_ABS32 1
#endif
#ifdef CONFIG_PPC32
#define KLP_RK_REL32 1
#endif

#ifdef KLP_RK_ABS32
#define KLP_RK_VMLINUX_ABS32(p, s) KLP_RK_ASM_ABS32(p, s)
#else
#define KLP_RK_VMLINUX_ABS32(p, s)
#endif
#ifdef KLP_RK_REL32
#define KLP_RK_VMLINUX_REL32(p, s) KLP_RK_ASM_REL32(p, s)
#else
#define KLP_RK_VMLINUX_REL32(p, s)
#endif

asm("	.pushsection .data,\"aw\"\n"
    KLP_RK_ASM_ABS64(klp_rk_data, total_forks)
    KLP_RK_VMLINUX_ABS32(klp_rk_data, total_forks)
    KLP_RK_VMLINUX_REL32(klp_rk_data, total_forks)
    "	.popsection\n"
    "	.pushsection .rodata,\"a\"\n"
    KLP_RK_ASM_ABS64(klp_rk_rodata, saved_command_line)
    KLP_RK_VMLINUX_ABS32(klp_rk_rodata, saved_command_line)
    KLP_RK_VMLINUX_REL32(klp_rk_rodata, saved_command_line)
    "	.popsection\n");

extern const u64 klp_rk_data_abs64, klp_rk_rodata_abs64;
extern const u32 klp_rk_data_abs32, klp_rk_rodata_abs32;
extern const s32 klp_rk_data_rel32, klp_rk_rodata_rel32;

static void show_data_pointers(struct seq_file *m)
{
#ifdef CONFIG_64BIT
	seq_printf(m, " data.abs64:total_forks=%llx rodata.abs64:saved_command_line=%llx",
		   READ_ONCE(klp_rk_data_abs64), READ_ONCE(klp_rk_rodata_abs64));
#endif
#ifdef KLP_RK_ABS32
	seq_printf(m, " data.abs32:total_forks=%x rodata.abs32:saved_command_line=%x",
		   READ_ONCE(klp_rk_data_abs32), READ_ONCE(klp_rk_rodata_abs32));
#endif
#ifdef KLP_RK_REL32
	seq_printf(m, " data.rel32:total_forks=%lx rodata.rel32:saved_command_line=%lx",
		   klp_rk_rel32_target(&klp_rk_data_rel32),
		   klp_rk_rel32_target(&klp_rk_rodata_rel32));
#endif
}

static int livepatch_cmdline_proc_show(struct seq_file *m, void *v)
{
	seq_printf(m, "%s [klp_rk_vmlinux: nr_processes=%d total_forks=%lu saved_command_line@%lx c_start,2@%lx",
		   saved_command_line, nr_processes(), READ_ONCE(total_forks),
		   (unsigned long)&saved_command_line, (unsigned long)c_start);
	show_data_pointers(m);
	seq_puts(m, "]\n");
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
MODULE_DESCRIPTION("klp-convert real-kernel test: vmlinux object (self-built kernels)");
MODULE_INFO(livepatch, "Y");
