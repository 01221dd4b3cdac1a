package org.chunkedupload.tck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * Tests the kit itself: a correct provider passes every rule, and each deliberately broken provider
 * fails exactly the rules that describe its defect, no more and no fewer.
 */
class TckSelfTest {

    /** Rule ids that failed, passed and were skipped in one run of the kit. */
    record Outcome(Set<String> failed, Set<String> passed, Set<String> skipped, java.util.Map<String, String> reasons) { }

    static Outcome run(Class<?> kit) {
        Outcome o = new Outcome(new TreeSet<>(), new TreeSet<>(), new TreeSet<>(), new java.util.TreeMap<>());
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request().selectors(selectClass(kit)).build();
        Launcher launcher = LauncherFactory.create();
        launcher.execute(request, new TestExecutionListener() {
            @Override
            public void executionFinished(TestIdentifier id, TestExecutionResult result) {
                if (id.isTest()) {
                    String rule = id.getDisplayName().split(" ")[0];
                    switch (result.getStatus()) {
                        case SUCCESSFUL -> o.passed().add(rule);
                        case ABORTED -> { // an assumption named a missing capability, or a declared deviation
                            o.skipped().add(rule);
                            result.getThrowable().ifPresent(t -> o.reasons().put(rule, t.getMessage()));
                        }
                        case FAILED -> {
                            o.failed().add(rule);
                            result.getThrowable().ifPresent(t -> o.reasons().put(rule, String.valueOf(t)));
                        }
                    }
                }
            }

            @Override
            public void executionSkipped(TestIdentifier id, String reason) {
                o.skipped().add(id.getDisplayName().split(" ")[0]);
            }
        });
        return o;
    }

    /** @return every rule id defined (in bold) in the spec */
    static Set<String> specRuleIds() {
        try {
            String spec = java.nio.file.Files.readString(java.nio.file.Path.of("..", "docs", "spec", "chunked-upload.md"));
            Set<String> ids = new TreeSet<>();
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\*\\*([A-Z]+-\\d\\d) (MUST|SHOULD)").matcher(spec);
            while (m.find()) {
                ids.add(m.group(1));
            }
            return ids;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void everyRuleCarriesAHintForReports() {
        int rules = 0;
        for (Class<?> group : List.of(CapabilityRules.class, PartRules.class, ListPartsRules.class,
                CompleteOrderRules.class, CompleteValidationRules.class, ConditionalRules.class, PutRules.class, AbortRules.class,
                PendingRules.class, SessionRules.class, FaultRules.class)) {
            for (java.lang.reflect.Method m : group.getDeclaredMethods()) {
                if (m.isAnnotationPresent(org.junit.jupiter.api.Test.class)) {
                    rules++;
                    Hint h = m.getAnnotation(Hint.class);
                    assertTrue(h != null && !h.value().isBlank(), group.getSimpleName() + "." + m.getName() + " has no @Hint");
                }
            }
        }
        assertEquals(specRuleIds().size(), rules, "one rule method per rule of the spec");
    }

    @Test
    void correctProviderPassesEveryRule() {
        Outcome o = run(MemoryKits.CorrectKit.class);
        assertEquals(Set.of(), o.failed());
        Set<String> ran = new TreeSet<>(o.passed());
        ran.addAll(o.skipped());
        assertEquals(specRuleIds(), ran, "the kit runs exactly the rules of docs/spec/chunked-upload.md");
        assertEquals(Set.of("CAP-02", "CONC-02", "FAULT-01", "FAULT-02", "FAULT-03", "FAULT-04"), o.skipped(),
                "only CAP-02, CONC-02 (the rule for stores without isolated uploads) and the FAULT rules (an"
                + " in-memory store has no HTTP server to put a fault proxy in front of) are skipped when every"
                + " feature is declared");
        assertTrue(o.reasons().get("FAULT-01").contains("faultProxyTarget()"), o.reasons().get("FAULT-01"));
    }

    @Test
    void minimalProviderSkipsOptionalRulesNamingThem() {
        Outcome o = run(MemoryKits.MinimalKit.class);
        assertEquals(Set.of(), o.failed());
        assertEquals(Set.of("COMP-11", "COND-01", "COND-02", "COND-03", "CONC-01", "FAULT-01", "FAULT-02", "FAULT-03",
                "FAULT-04", "LIST-01", "LIST-02", "PEND-01", "PEND-02", "PEND-03", "PUT-01", "PUT-02", "PUT-03", "RES-02"),
                o.skipped());
        assertEquals(true, o.passed().contains("CAP-02"));
    }

    @Test
    void joiningInUploadOrderFailsTheOrderingRules() {
        assertEquals(Set.of("COMP-03", "COMP-04", "COMP-05", "COMP-07", "COMP-14", "LIST-02", "PART-05", "PART-08", "RES-02"),
                run(MemoryKits.JoinsInUploadOrderKit.class).failed());
    }

    @Test
    void abortThatDoesNothingFailsTheAbortRules() {
        assertEquals(Set.of("ABRT-01", "ABRT-02", "ABRT-03", "ABRT-04", "ABRT-05", "PEND-02"),
                run(MemoryKits.AbortDoesNothingKit.class).failed());
    }

    @Test
    void declaredDeviationsAreReportedAsDeviationsNotFailures() {
        Outcome o = run(MemoryKits.DeclaredDeviationKit.class);
        assertEquals(Set.of(), o.failed());
        assertTrue(o.skipped().containsAll(Set.of("ABRT-01", "ABRT-02", "ABRT-03", "ABRT-04", "ABRT-05", "PEND-02")));
        assertTrue(o.reasons().get("ABRT-04").startsWith("DEVIATION ABRT-04 of this backend: abort is a no-op | observed:"),
                o.reasons().get("ABRT-04"));
    }

    @Test
    void aDeclaredDeviationThatDoesNotHappenFailsTheKit() {
        assertEquals(Set.of("COMP-01"), run(MemoryKits.StaleDeviationKit.class).failed());
    }

    @Test
    void acceptingStaleReceiptsFailsTheStaleReceiptRule() {
        assertEquals(Set.of("PART-06"), run(MemoryKits.AcceptsStaleReceiptsKit.class).failed());
    }

    @Test
    void truncatingLargePartsFailsExactlyTheLargePartRules() {
        assertEquals(Set.of("PART-07", "PART-08", "PART-09", "PART-10", "PUT-01"),
                run(MemoryKits.TruncatesPartsKit.class).failed(),
                "every other rule uses parts of a few KiB, which a 64 KiB truncation never touches (PUT-01 puts 1 MiB + 3)");
    }

    @Test
    void movingFilePartsUnreadToAStoreThatChecksNothingFailsTheUnreadChecksumRule() {
        assertEquals(Set.of("PART-11"), run(MemoryKits.MovesUnreadUnverifiedKit.class).failed());
    }

    @Test
    void aCorrectProviderBehindHttpPassesTheFaultRules() {
        Outcome o = run(HttpKits.CorrectHttpKit.class);
        assertEquals(Set.of(), o.failed(), o.reasons().toString());
        assertTrue(o.passed().containsAll(Set.of("FAULT-01", "FAULT-02", "FAULT-03", "FAULT-04")), o.passed().toString());
    }

    @Test
    void aProviderThatIsNotRetrySafeOnPartsFailsExactlyFault01() {
        assertEquals(Set.of("FAULT-01"), run(HttpKits.NotRetrySafeKit.class).failed());
    }

    @Test
    void aProviderThatMisreportsALostCompleteFailsExactlyFault02() {
        assertEquals(Set.of("FAULT-02"), run(HttpKits.MisreportsLostCompleteKit.class).failed());
    }
}
