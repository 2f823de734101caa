package org.klpconvert.cli;

import java.util.List;

/**
 * s390x judged by a self-built 6.1 kernel (qemu s390-ccw-virtio). Refusal classes: a type the
 * loader does not know ({@code R_390_PC12DBL}), a dynamic-linking type it rejects
 * ({@code R_390_COPY}, without a log line), and a number that is no s390 type.
 */
class RealKernelS390xIT extends SelfBuiltKernelChecks {
    @Override
    String arch() {
        return "s390x";
    }

    @Override
    List<ForcedRelocation> refusals() {
        return List.of(
                ForcedRelocation.type("klp_rk_pc12dbl.ko", 62, "module klp_rk_vmlinux: unknown relocation: 62",
                        "the s390 kernel's module loader does not accept this type"),
                ForcedRelocation.type("klp_rk_copy.ko", 9, "",
                        "the s390 kernel's module loader does not accept this type"),
                ForcedRelocation.type("klp_rk_type200.ko", 200, "module klp_rk_vmlinux: unknown relocation: 200",
                        "type 200 is not a s390 relocation type"));
    }
}
