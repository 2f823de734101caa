package org.klpconvert.convert.verify;

/** How serious a {@link Finding} is (kernel-rules.md section 9). */
public enum Severity {
    /** The kernel refuses the module, or silently misbehaves. */
    ERROR,
    /** Likely wrong, or fragile. */
    WARN,
    /** Worth showing; printed by the CLI only with {@code -v}. */
    INFO
}
