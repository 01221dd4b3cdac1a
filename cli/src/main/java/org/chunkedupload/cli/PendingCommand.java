package org.chunkedupload.cli;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.chunkedupload.api.Durations;
import org.chunkedupload.api.ObjectPrefix;
import org.chunkedupload.api.PendingUpload;
import org.chunkedupload.api.StorageBackend;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code pending PREFIX}: lists unfinished uploads, their age and the bytes they hold. */
@Command(name = "pending", mixinStandardHelpOptions = true,
        footerHeading = "%nExamples:%n", footer = {
                "  chunked-upload pending s3://media/ --older-than 7d",
                "  chunked-upload pending fs://demo --json"},
        description = "List unfinished uploads under TARGET_PREFIX with age and bytes held.")
final class PendingCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "TARGET_PREFIX", description = "scheme://bucket[/key-prefix]")
    String prefix;

    @Option(names = "--json", description = "One JSON object per upload (schema chunked-upload.pending/1, docs/cli-json.md).")
    boolean json;

    @Option(names = "--older-than", paramLabel = "DURATION",
            description = "Only uploads begun longer ago than this: 30s, 15m, 24h, 7d.")
    String olderThan;

    @Mixin
    BackendOptions backendOptions;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        ObjectPrefix p = ObjectPrefix.parse(prefix);
        List<PendingUpload> list;
        try (StorageBackend backend = backendOptions.open(p.scheme())) {
            list = backend.listPending(p.bucket(), p.prefix());
        }
        if (olderThan != null) {
            Instant cutoff = Instant.now().minus(Durations.parse(olderThan));
            list = list.stream().filter(u -> u.initiated() != null && u.initiated().isBefore(cutoff)).toList();
        }
        var out = spec.commandLine().getOut();
        long total = 0;
        Instant now = Instant.now();
        for (PendingUpload u : list) {
            long bytes = u.bytesHeld().orElse(-1);
            total += Math.max(bytes, 0);
            Duration age = u.initiated() == null ? null : Duration.between(u.initiated(), now);
            if (json) {
                Json.line(out, "chunked-upload.pending/1", g -> Json.upload(g, u, now));
            } else {
                out.printf(Locale.ROOT, "%-40s  %-34s  %10s  %12s%n", u.key(), u.uploadId(),
                        age == null ? "?" : Durations.human(age), bytes < 0 ? "?" : Sizes.format(bytes));
            }
        }
        if (!json) {
            out.printf(Locale.ROOT, "%d pending upload(s) holding %s%n", list.size(), Sizes.format(total));
        }
        return Main.OK;
    }
}
