package org.klpconvert.convert;

import java.util.List;

import org.klpconvert.convert.diag.Diagnostic;
import org.klpconvert.elf.KlpException;

/**
 * The module cannot be converted. {@link #diagnostics()} holds every message in the order
 * the C tool prints them; rendering them one after another gives its stderr.
 */
public class ConversionException extends KlpException {
    private static final long serialVersionUID = 1L;

    private final transient List<Diagnostic> diagnostics;

    /**
     * A failed conversion with its messages, in the C tool's order.
     *
     * @param diagnostics the messages, in the C tool's order
     */
    public ConversionException(List<Diagnostic> diagnostics) {
        super(summary(diagnostics));
        this.diagnostics = List.copyOf(diagnostics);
    }

    /** {@return the messages, in the C tool's order} */
    public List<Diagnostic> diagnostics() {
        return diagnostics;
    }

    /** {@return all messages as printed} */
    public String render() {
        StringBuilder sb = new StringBuilder();
        diagnostics.forEach(d -> sb.append(d.render()));
        return sb.toString();
    }

    private static String summary(List<Diagnostic> diagnostics) {
        for (Diagnostic d : diagnostics) {
            if (d instanceof Diagnostic.Message m && m.isError()) {
                return m.text().strip();
            }
        }
        return "conversion failed";
    }
}
