// SPDX-License-Identifier: GPL-2.0
/* The second static klp_rk_twin of klp_rk_target (see klp_rk_target_main.c). */
#include <linux/compiler.h>

#include "klp_rk_target.h"

static int klp_rk_twin __used;

int klp_rk_target_twin2(void)
{
	return READ_ONCE(klp_rk_twin);
}

void klp_rk_target_twin2_init(void)
{
	WRITE_ONCE(klp_rk_twin, 202);
}
