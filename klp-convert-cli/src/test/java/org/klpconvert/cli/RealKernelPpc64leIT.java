package org.klpconvert.cli;

import java.util.List;

/**
 * ppc64le judged by a self-built 6.1 kernel (qemu pseries, POWER9). Refusal classes: a type
 * the loader lacks ({@code R_PPC64_REL16}), a number that is no ppc64 type, and a call whose
 * {@code bl} is not followed by a {@code nop}.
 */
class RealKernelPpc64leIT extends SelfBuiltKernelChecks {
    @Override
    String arch() {
        return "ppc64le";
    }

    @Override
    List<ForcedRelocation> refusals() {
        return List.of(
                ForcedRelocation.type("klp_rk_rel16.ko", 249, "klp_rk_vmlinux: Unknown ADD relocation: 249",
                        "the ppc64 kernel's module loader does not accept this type"),
                ForcedRelocation.type("klp_rk_type200.ko", 200, "klp_rk_vmlinux: Unknown ADD relocation: 200",
                        "type 200 is not a ppc64 relocation type"),
                ForcedRelocation.wordAfterBl("klp_rk_blnonop.ko", 0x38600000L,
                        "klp_rk_vmlinux: Expected nop after call, got 38600000 at",
                        "the word after the bl is 0x38600000, not a nop"));
    }
}
