package org.chunkedupload.cli;

import java.util.concurrent.Callable;
import org.chunkedupload.api.ObjectTarget;
import org.chunkedupload.api.StorageBackend;
import org.chunkedupload.api.UploadHandle;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code abort TARGET --upload-id ID}: discards an unfinished upload and frees its parts. */
@Command(name = "abort", mixinStandardHelpOptions = true,
        footerHeading = "%nExamples:%n", footer = {
                "  chunked-upload abort s3://media/video.mp4 --upload-id 2~abc...",
                "  chunked-upload pending s3://media/ --json   # find the id first"},
        description = "Abort the unfinished upload ID to TARGET and free its parts. Idempotent.")
final class AbortCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "TARGET", description = "scheme://bucket/key of the upload.")
    String target;

    @Option(names = "--upload-id", required = true, paramLabel = "ID", description = "The upload id (see 'pending').")
    String uploadId;

    @Option(names = "--json", description = "Print the result as one JSON object (schema chunked-upload.abort/1).")
    boolean json;

    @Mixin
    BackendOptions backendOptions;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        ObjectTarget t = ObjectTarget.parse(target);
        try (StorageBackend backend = backendOptions.open(t.scheme())) {
            backend.resume(UploadHandle.of(t.scheme(), t.bucket(), t.key(), uploadId)).abort();
        }
        if (json) {
            Json.line(spec.commandLine().getOut(), "chunked-upload.abort/1", g -> {
                g.writeStringField("provider", t.scheme());
                g.writeStringField("bucket", t.bucket());
                g.writeStringField("key", t.key());
                g.writeStringField("uploadId", uploadId);
                g.writeBooleanField("aborted", true);
            });
            return Main.OK;
        }
        spec.commandLine().getOut().println("aborted upload " + uploadId + " of " + t);
        return Main.OK;
    }
}
