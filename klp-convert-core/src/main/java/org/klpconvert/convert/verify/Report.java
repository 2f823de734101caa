package org.klpconvert.convert.verify;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Collects the findings of one verification, with each rule's catalogue severity. */
final class Report {
    private final List<Finding> findings = new ArrayList<>();

    void add(Rule rule, String place, String message) {
        add(rule, place, message, null);
    }

    void add(Rule rule, String place, String message, String kernelMessage) {
        findings.add(new Finding(rule.name(), rule.severity(), place, message, kernelMessage));
    }

    List<Finding> findings() {
        return Collections.unmodifiableList(new ArrayList<>(findings));
    }
}
