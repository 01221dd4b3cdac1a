package org.chunkedupload.cli;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.chunkedupload.tck.Hint;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;

/** Collects one outcome per TCK rule as the JUnit Platform runs the kit. */
final class RuleOutcomes implements TestExecutionListener {
    /** How a rule ended. */
    enum Status { PASSED, FAILED, SKIPPED, DEVIATION }

    /**
     * @param rule the rule's display name, starting with its id
     * @param status how it ended
     * @param must whether the rule is a MUST
     * @param detail the failure, skip reason or deviation evidence; empty when passed
     * @param hint what to check when it fails
     */
    record Outcome(String rule, Status status, boolean must, String detail, String hint) {
    }

    private final List<Outcome> outcomes = Collections.synchronizedList(new ArrayList<>());

    @Override
    public void executionSkipped(TestIdentifier id, String reason) {
        if (id.isTest()) {
            outcomes.add(new Outcome(id.getDisplayName(), Status.SKIPPED, must(id), reason, hint(id)));
        }
    }

    @Override
    public void executionFinished(TestIdentifier id, TestExecutionResult result) {
        if (!id.isTest()) {
            if (result.getStatus() == TestExecutionResult.Status.FAILED) { // e.g. the server could not be reached
                outcomes.add(new Outcome(id.getDisplayName(), Status.FAILED, true, message(result), ""));
            }
            return;
        }
        String message = message(result);
        Status status = switch (result.getStatus()) {
            case SUCCESSFUL -> Status.PASSED;
            case ABORTED -> message.startsWith("DEVIATION") ? Status.DEVIATION : Status.SKIPPED;
            case FAILED -> Status.FAILED;
        };
        outcomes.add(new Outcome(id.getDisplayName(), status, must(id), status == Status.PASSED ? "" : message, hint(id)));
    }

    private static String message(TestExecutionResult r) {
        return r.getThrowable().map(t -> t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage())
                .orElse("").replaceAll("\\s+", " ").trim();
    }

    private static boolean must(TestIdentifier id) {
        return id.getTags().stream().anyMatch(t -> t.getName().toUpperCase(Locale.ROOT).equals("MUST"));
    }

    private static String hint(TestIdentifier id) {
        return id.getSource().filter(MethodSource.class::isInstance).map(MethodSource.class::cast)
                .map(s -> {
                    try {
                        Hint h = s.getJavaMethod().getAnnotation(Hint.class);
                        return h == null ? "" : h.value();
                    } catch (RuntimeException e) {
                        return "";
                    }
                }).orElse("");
    }

    /** @return the outcomes, sorted by rule id */
    List<Outcome> sorted() {
        List<Outcome> copy = new ArrayList<>(outcomes);
        copy.sort(java.util.Comparator.comparing(Outcome::rule));
        return copy;
    }
}
