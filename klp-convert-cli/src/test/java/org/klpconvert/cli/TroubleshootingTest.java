package org.klpconvert.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.klpconvert.convert.diag.Diagnostic;
import org.klpconvert.convert.verify.Rule;

/**
 * docs/troubleshooting.md is keyed by every message: each fixed fragment of every converter
 * message (taken from the message factories themselves, so a new message cannot be missed),
 * every relocation refusal and every verify rule has its entry.
 */
class TroubleshootingTest {
    private static final String VARIABLE = "\u0001";
    private static final String PREFIX = "klp-convert: ";

    private static String doc() throws Exception {
        return Files.readString(Path.of("..", "docs", "troubleshooting.md"));
    }

    @Test
    void everyConverterMessageHasAnEntry() throws Exception {
        String doc = doc();
        List<String> missing = new ArrayList<>();
        int messages = 0;
        for (Method m : Diagnostic.class.getDeclaredMethods()) {
            if (!Modifier.isStatic(m.getModifiers()) || m.getReturnType() != Diagnostic.class) {
                continue;
            }
            Object[] args = new Object[m.getParameterCount()];
            for (int i = 0; i < args.length; i++) {
                Class<?> type = m.getParameterTypes()[i];
                args[i] = type == String.class ? VARIABLE : type == int.class ? (Object) 1234567 : (Object) 1234567L;
            }
            String text = ((Diagnostic) m.invoke(null, args)).render().strip();
            messages++;
            // The doc's tables give texts without the prefix every converter message has.
            text = text.substring(text.startsWith(PREFIX) ? PREFIX.length() : 0);
            text = text.replace("1234567", VARIABLE).replace(Long.toHexString(1234567), VARIABLE);
            for (String fragment : text.split(VARIABLE)) {
                String fixed = fragment.strip();
                if (fixed.length() > 3 && !doc.contains(fixed)) {
                    missing.add(m.getName() + ": '" + fixed + "'");
                }
            }
        }
        assertTrue(messages >= 15, "found only " + messages + " message factories");
        assertTrue(missing.isEmpty(), "not in docs/troubleshooting.md: " + missing);
    }

    @Test
    void everyRefusalReasonHasAnEntry() throws Exception {
        String doc = doc();
        for (String reason : List.of("is not a <arch> relocation type", "kernel's module loader does not accept this type",
                "and the kernel relocates only zeroed locations", "not a nop the kernel can turn into the r2 restore")) {
            assertTrue(doc.contains(reason), reason);
        }
    }

    @Test
    void everyVerifyRuleHasAnEntry() throws Exception {
        String doc = doc();
        for (Rule rule : Rule.values()) {
            assertTrue(doc.contains("\n| " + rule + " |") || doc.contains("\n| " + rule + ",")
                    || doc.contains(", " + rule + " |"), rule + " has no row");
        }
    }
}
