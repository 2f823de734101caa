package org.klpconvert.convert.verify;

import java.util.Objects;

/**
 * One result of {@link Verifier#verify}: a rule of the catalogue (kernel-rules.md section 9)
 * that a module breaks, or, for INFO rules, a fact worth showing.
 *
 * @param rule          the rule ID ({@code KM3}, {@code KR11}, ...)
 * @param severity      the rule's severity
 * @param place         where: a section, a relocation entry, a symbol, or the ELF header
 * @param message       what is wrong, in one line
 * @param kernelMessage the kernel log line the module would cause, or {@code null} when the
 *                      kernel prints nothing (or the rule is not about a kernel refusal)
 */
public record Finding(String rule, Severity severity, String place, String message, String kernelMessage) {

    /**
     * Checks that every field but {@code kernelMessage} is present.
     *
     * @param rule the rule's ID
     * @param severity how serious it is
     * @param place where in the module
     * @param message what is wrong
     * @param kernelMessage the kernel's log line, or null
     */
    public Finding {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(place, "place");
        Objects.requireNonNull(message, "message");
    }

    /**
     * {@return the report line: {@code <file>: <SEVERITY> <RULE> <place>: <message>}, followed by
     * {@code  [kernel: <message>]} when there is a kernel message}
     *
     * @param file the module as given
     */
    public String render(String file) {
        String line = file + ": " + severity + " " + rule + " " + place + ": " + message;
        return kernelMessage == null ? line : line + " [kernel: " + kernelMessage + "]";
    }
}
