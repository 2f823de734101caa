/* SPDX-License-Identifier: GPL-2.0 */
/* Shared by the two source files of klp_rk_target; not exported. */
#ifndef KLP_RK_TARGET_H
#define KLP_RK_TARGET_H
int klp_rk_target_twin2(void);
void klp_rk_target_twin2_init(void);
#endif
