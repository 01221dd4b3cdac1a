package org.chunkedupload.cli;

import java.time.Duration;
import java.util.concurrent.Callable;
import org.chunkedupload.api.Durations;
import org.chunkedupload.api.ObjectPrefix;
import org.chunkedupload.api.StorageBackend;
import org.chunkedupload.api.UploadBackstop;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code backstop PREFIX --abort-after D [--check]} (also {@code lifecycle}, its earlier name):
 * installs or checks the store's own backstop for abandoned uploads (S3
 * {@code AbortIncompleteMultipartUpload}, a GCS delete rule on the temporary prefix, Azure's
 * built-in collection of uncommitted blocks). Exits 0 when a backstop at
 * least that strict is in place afterwards, 1 otherwise (also when the store has none: the
 * message says what to do instead).
 */
@Command(name = "backstop", mixinStandardHelpOptions = true,
        footerHeading = "%nExamples:%n", footer = {
                "  chunked-upload backstop s3://media/ --abort-after 7d",
                "  chunked-upload backstop gs://backups --abort-after 2d --check"},
        aliases = "lifecycle",
        description = "Install (or --check) the store's backstop that frees abandoned uploads"
        + " after a duration.")
final class BackstopCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "TARGET_PREFIX", description = "scheme://bucket[/key-prefix]")
    String prefix;

    @Option(names = "--abort-after", required = true, paramLabel = "DURATION",
            description = "Free uploads abandoned longer than this: 1d, 7d (stores count whole days).")
    String abortAfter;

    @Option(names = "--check", description = "Only report what is in place; change nothing.")
    boolean check;

    @Option(names = "--json", description = "Print one JSON object (schema chunked-upload.backstop/1).")
    boolean json;

    @Mixin
    BackendOptions backendOptions;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        Duration d = Durations.parse(abortAfter);
        ObjectPrefix p = ObjectPrefix.parse(prefix);
        var out = spec.commandLine().getOut();
        try (StorageBackend store = backendOptions.open(p.scheme())) {
            UploadBackstop backstop = store.backstop().orElse(null);
            if (backstop == null) {
                String says = "provider " + p.scheme() + " has no backstop of its own for abandoned uploads: run"
                        + " 'chunked-upload sweep " + prefix + " --older-than " + abortAfter + "' on a schedule instead";
                if (json) {
                    print(out, p, d, new UploadBackstop.Status(false, says));
                } else {
                    out.println(says);
                }
                return Main.FAILED;
            }
            UploadBackstop.Status s = check ? backstop.check(p.bucket(), p.prefix(), d)
                    : backstop.install(p.bucket(), p.prefix(), d);
            if (json) {
                print(out, p, d, s);
            } else {
                out.println((s.inPlace() ? "in place: " : "MISSING: ") + s.description());
            }
            return s.inPlace() ? Main.OK : Main.FAILED;
        }
    }

    private static void print(java.io.PrintWriter out, ObjectPrefix p, Duration d, UploadBackstop.Status s) {
        Json.line(out, "chunked-upload.backstop/1", g -> {
            g.writeStringField("provider", p.scheme());
            g.writeStringField("bucket", p.bucket());
            g.writeStringField("prefix", p.prefix());
            g.writeNumberField("abortAfterSeconds", d.toSeconds());
            g.writeBooleanField("inPlace", s.inPlace());
            g.writeStringField("description", s.description());
        });
    }
}
