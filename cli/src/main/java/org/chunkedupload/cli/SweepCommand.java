package org.chunkedupload.cli;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.chunkedupload.api.Capabilities.Feature;
import org.chunkedupload.api.ChunkedUploadException;
import org.chunkedupload.api.Durations;
import org.chunkedupload.api.ObjectPrefix;
import org.chunkedupload.api.PendingUpload;
import org.chunkedupload.api.StorageBackend;
import org.chunkedupload.api.UnsupportedFeatureException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code sweep PREFIX --older-than D [--dry-run]}: aborts every unfinished upload under the prefix
 * that began longer ago than D, and prints what it freed. An upload whose abort fails is reported
 * and the sweep goes on; the exit code is then 1.
 */
@Command(name = "sweep", mixinStandardHelpOptions = true,
        footerHeading = "%nExamples:%n", footer = {
                "  chunked-upload sweep s3://media/ --older-than 7d --dry-run",
                "  chunked-upload sweep gs://backups --older-than 2d"},
        description = "Abort unfinished uploads under TARGET_PREFIX older than a duration; print what"
        + " was freed.")
final class SweepCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "TARGET_PREFIX", description = "scheme://bucket[/key-prefix]")
    String prefix;

    @Option(names = "--older-than", required = true, paramLabel = "DURATION",
            description = "Only uploads begun longer ago than this: 30s, 15m, 24h, 7d.")
    String olderThan;

    @Option(names = "--dry-run", description = "List what would be aborted; abort nothing.")
    boolean dryRun;

    @Option(names = "--json", description = "One JSON object per upload (schema chunked-upload.sweep/1, docs/cli-json.md).")
    boolean json;

    @Mixin
    BackendOptions backendOptions;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        Duration age = Durations.parse(olderThan);
        ObjectPrefix p = ObjectPrefix.parse(prefix);
        var out = spec.commandLine().getOut();
        var err = spec.commandLine().getErr();
        int failures = 0;
        long freed = 0;
        List<PendingUpload> swept = new ArrayList<>();
        try (StorageBackend backend = backendOptions.open(p.scheme())) {
            if (!backend.capabilities().supports(Feature.LIST_PENDING)) {
                throw new UnsupportedFeatureException("provider " + p.scheme() + " cannot list unfinished uploads,"
                        + " so it cannot sweep them: use its own lifecycle rules (see 'backstop')");
            }
            Instant cutoff = Instant.now().minus(age);
            for (PendingUpload u : backend.listPending(p.bucket(), p.prefix())) {
                if (u.initiated() == null || !u.initiated().isBefore(cutoff)) {
                    continue;
                }
                if (!dryRun) {
                    try {
                        backend.resume(u.handle()).abort();
                    } catch (ChunkedUploadException e) {
                        failures++;
                        err.println("chunked-upload: could not abort " + u.key() + " (" + u.uploadId() + "): "
                                + Main.message(e));
                        if (json) {
                            Json.line(out, "chunked-upload.sweep/1", g -> {
                                Json.upload(g, u, Instant.now());
                                g.writeBooleanField("aborted", false);
                                g.writeStringField("error", Main.message(e));
                            });
                        }
                        continue;
                    }
                }
                swept.add(u);
                freed += Math.max(0, u.bytesHeld().orElse(0));
                String ageText = Durations.human(Duration.between(u.initiated(), Instant.now()));
                if (json) {
                    Json.line(out, "chunked-upload.sweep/1", g -> {
                        Json.upload(g, u, Instant.now());
                        g.writeBooleanField("aborted", !dryRun);
                        g.writeNullField("error");
                    });
                } else {
                    out.printf(Locale.ROOT, "%s %-40s  %-34s  %10s  %12s%n", dryRun ? "would abort" : "aborted",
                            u.key(), u.uploadId(), ageText,
                            u.bytesHeld().isPresent() ? Sizes.format(u.bytesHeld().getAsLong()) : "?");
                }
            }
        }
        if (!json) {
            out.printf(Locale.ROOT, "%s %d upload(s) older than %s, %s %s%n", dryRun ? "would abort" : "aborted",
                    swept.size(), olderThan, dryRun ? "holding" : "freeing", Sizes.format(freed));
        }
        return failures == 0 ? Main.OK : Main.FAILED;
    }
}
