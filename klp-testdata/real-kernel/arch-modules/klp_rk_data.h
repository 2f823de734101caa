/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Data relocations for the real-kernel tests on self-built kernels.
 *
 * KLP_RK_DATA_SLOTS(prefix, section, flags, symbol) emits, in @section of the
 * livepatch, the pointers to @symbol the machine can hold in data:
 *   <prefix>_abs64  .quad symbol        64-bit machines (R_PPC64_ADDR64, R_390_64)
 *   <prefix>_abs32  .long symbol        where kernel addresses fit in 32 bits:
 *                                       ppc32 (R_PPC_ADDR32) and vmlinux on
 *                                       s390x (R_390_32); see KLP_RK_ABS32
 *   <prefix>_rel32  .long symbol - .    where the distance fits (R_PPC_REL32,
 *                                       R_PPC64_REL32, R_390_PC32); see
 *                                       KLP_RK_REL32
 * @symbol is not exported, so klp-convert turns each into a klp relocation
 * in .klp.rela.<object>.<section>, which the kernel applies. The module
 * prints the values the kernel wrote; the test compares them with
 * /proc/kallsyms.
 */
#ifndef KLP_RK_DATA_H
#define KLP_RK_DATA_H

#include <linux/stringify.h>
#include <linux/types.h>

#ifdef CONFIG_64BIT
#define KLP_RK_ASM_ABS64(prefix, symbol)				\
	"	.balign 8\n"						\
	"	.type " #prefix "_abs64, @object\n"			\
	#prefix "_abs64:	.quad " #symbol "\n"
#else
#define KLP_RK_ASM_ABS64(prefix, symbol)
#endif

#define KLP_RK_ASM_ABS32(prefix, symbol)				\
	"	.balign 4\n"						\
	"	.type " #prefix "_abs32, @object\n"			\
	#prefix "_abs32:	.long " #symbol "\n"

#define KLP_RK_ASM_REL32(prefix, symbol)				\
	"	.balign 4\n"						\
	"	.type " #prefix "_rel32, @object\n"			\
	#prefix "_rel32:	.long " #symbol " - .\n"

/* The address a 32-bit PC-relative slot points to. */
static inline unsigned long klp_rk_rel32_target(const s32 *slot)
{
	return (unsigned long)slot + (long)*slot;
}

#endif /* KLP_RK_DATA_H */
