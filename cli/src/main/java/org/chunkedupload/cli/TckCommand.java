package org.chunkedupload.cli;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.chunkedupload.api.BackendConfig;
import org.chunkedupload.api.ProviderRegistry;
import org.chunkedupload.config.ToolkitConfig;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.reporting.legacy.xml.LegacyXmlReportGeneratingListener;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code tck --config FILE [--report DIR]}: runs the whole compatibility kit through the JUnit
 * Platform against the configured backend (any installed provider, any endpoint) and writes a
 * conformance report: {@code conformance.md} (every rule passed, failed with the reason and what
 * to check, or skipped with the missing capability) and JUnit XML. Exits 1 when a MUST rule fails.
 */
@Command(name = "tck", mixinStandardHelpOptions = true,
        footerHeading = "%nExamples:%n", footer = {
                "  chunked-upload tck --config s3.properties --report build/tck",
                "  chunked-upload tck --config my-store.properties --deviation LIST-03=\"listing is eventual\""},
        description = "Run the compatibility kit against the configured backend; write a conformance"
        + " report (Markdown and JUnit XML). Exit 1 when a MUST rule fails.")
final class TckCommand implements Callable<Integer> {
    @picocli.CommandLine.Option(names = "--json", description = "Print the summary as one JSON object (schema"
            + " chunked-upload.tck/1).")
    boolean json;

    @Mixin
    BackendOptions backendOptions;

    @Option(names = "--report", paramLabel = "DIR", defaultValue = "tck-report",
            description = "Directory for conformance.md and the JUnit XML (default: ${DEFAULT-VALUE}).")
    Path reportDir;

    @Option(names = "--bucket", paramLabel = "NAME",
            description = "Bucket to test in (default: the configuration's bucket). It must exist and may be emptied"
                    + " of the kit's own keys only (under tck/).")
    String bucket;

    @Option(names = "--deviation", paramLabel = "RULE=EVIDENCE",
            description = "A rule the server (not the provider) is known to break, with the evidence; it still runs"
                    + " and is reported as DEVIATION instead of FAILED, and fails the run if it passes. Repeatable.")
    Map<String, String> deviations = new LinkedHashMap<>();

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        ToolkitConfig c = backendOptions.config();
        if (c == null) {
            throw new IllegalArgumentException("tck needs a backend: give --config FILE (provider, settings, bucket)");
        }
        String b = bucket != null ? bucket : c.bucket();
        if (b == null || b.isBlank()) {
            throw new IllegalArgumentException("tck needs a bucket: set bucket in the configuration or give --bucket");
        }
        BackendConfig backend = backendOptions.backendConfig(c.provider());
        try (var probe = backendOptions.registry().open(backend)) {
            probe.capabilities(); // settings are valid before any rule runs
        }
        Files.createDirectories(reportDir);
        ConfiguredTck.bind(backend, b, deviations);
        RuleOutcomes outcomes = new RuleOutcomes();
        PrintWriter err = spec.commandLine().getErr();
        Launcher launcher = LauncherFactory.create();
        launcher.execute(LauncherDiscoveryRequestBuilder.request().selectors(selectClass(ConfiguredTck.class)).build(),
                outcomes, new LegacyXmlReportGeneratingListener(reportDir, err));
        List<RuleOutcomes.Outcome> all = outcomes.sorted();
        Path md = reportDir.resolve("conformance.md");
        Files.writeString(md, markdown(c.provider(), b, all), StandardCharsets.UTF_8);
        long passed = count(all, RuleOutcomes.Status.PASSED);
        long failed = count(all, RuleOutcomes.Status.FAILED);
        long skipped = count(all, RuleOutcomes.Status.SKIPPED);
        long deviations = count(all, RuleOutcomes.Status.DEVIATION);
        long mustFailed = all.stream().filter(o -> o.status() == RuleOutcomes.Status.FAILED && o.must()).count();
        var out = spec.commandLine().getOut();
        for (RuleOutcomes.Outcome o : all) {
            if (o.status() == RuleOutcomes.Status.FAILED) {
                out.println("FAILED  " + o.rule() + ": " + o.detail() + (o.hint().isEmpty() ? "" : " — check: " + o.hint()));
            }
        }
        if (json) {
            Json.line(out, "chunked-upload.tck/1", g -> {
                g.writeStringField("provider", c.provider());
                g.writeStringField("bucket", b);
                g.writeNumberField("rules", all.size());
                g.writeNumberField("passed", passed);
                g.writeNumberField("failed", failed);
                g.writeNumberField("skipped", skipped);
                g.writeNumberField("deviations", deviations);
                g.writeStringField("report", md.toString());
            });
        } else {
            out.printf("provider %s, bucket %s: %d rules, %d passed, %d failed, %d skipped, %d deviations%nreport: %s%n",
                    c.provider(), b, all.size(), passed, failed, skipped, deviations, md);
        }
        return mustFailed > 0 ? Main.FAILED : Main.OK;
    }

    private static long count(List<RuleOutcomes.Outcome> all, RuleOutcomes.Status s) {
        return all.stream().filter(o -> o.status() == s).count();
    }

    static String markdown(String provider, String bucket, List<RuleOutcomes.Outcome> all) {
        StringBuilder sb = new StringBuilder();
        sb.append("# Conformance report: provider `").append(provider).append("`, bucket `").append(bucket).append("`\n\n");
        sb.append("Run ").append(Instant.now()).append(" with the chunked-upload TCK (rules: docs/spec/chunked-upload.md).\n\n");
        for (RuleOutcomes.Status s : RuleOutcomes.Status.values()) {
            sb.append("- ").append(s).append(": ").append(count(all, s)).append('\n');
        }
        sb.append("\n| Rule | Result | Details |\n|---|---|---|\n");
        for (RuleOutcomes.Outcome o : all) {
            String detail = switch (o.status()) {
                case PASSED -> "";
                case FAILED -> o.detail() + (o.hint().isEmpty() ? "" : " **If this fails, check:** " + o.hint());
                case SKIPPED, DEVIATION -> o.detail();
            };
            sb.append("| ").append(cell(o.rule())).append(" | ").append(o.status()).append(o.must() ? " (MUST)" : "")
                    .append(" | ").append(cell(detail)).append(" |\n");
        }
        return sb.toString();
    }

    private static String cell(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }

}
