package org.klpconvert.cli;

import java.util.List;

/**
 * ppc32 judged by a self-built 6.1 kernel (qemu mac99). Refusal classes: a type the loader
 * lacks ({@code R_PPC_REL16}) and a number that is no ppc32 type.
 */
class RealKernelPpc32IT extends SelfBuiltKernelChecks {
    @Override
    String arch() {
        return "ppc32";
    }

    @Override
    List<ForcedRelocation> refusals() {
        return List.of(
                ForcedRelocation.type("klp_rk_rel16.ko", 249, "klp_rk_vmlinux: unknown ADD relocation: 249",
                        "the ppc32 kernel's module loader does not accept this type"),
                ForcedRelocation.type("klp_rk_type200.ko", 200, "klp_rk_vmlinux: unknown ADD relocation: 200",
                        "type 200 is not a ppc32 relocation type"));
    }
}
