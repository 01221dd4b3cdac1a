package org.chunkedupload.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.chunkedupload.api.ObjectTarget;
import org.chunkedupload.api.StorageBackend;
import org.chunkedupload.api.UploadResult;
import org.chunkedupload.api.WritePrecondition;
import org.chunkedupload.transfer.FileUploader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code put FILE TARGET}: uploads a file in parallel parts, showing progress. */
@Command(name = "put", description = "Upload FILE to TARGET (scheme://bucket/key) in parallel parts.")
final class PutCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "FILE", description = "The file to upload.")
    Path file;

    @Parameters(index = "1", paramLabel = "TARGET", description = "Where to put it, e.g. fs://demo/file.bin.")
    String target;

    @Option(names = "--part-size", paramLabel = "SIZE", converter = Sizes.class,
            description = "Part size, e.g. 16MiB (default: automatic from the file size and the provider's limits).")
    long partSize;

    @Option(names = "--concurrency", paramLabel = "N", defaultValue = "4",
            description = "Parts in flight at once (default: ${DEFAULT-VALUE}).")
    int concurrency;

    @Option(names = "--if-not-exists", description = "Fail (exit 3) instead of replacing an existing object.")
    boolean ifNotExists;

    @Option(names = "--quiet", description = "No progress output.")
    boolean quiet;

    @Mixin
    BackendOptions backendOptions;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        ObjectTarget t = ObjectTarget.parse(target);
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException(Files.exists(file) ? file + " is not a regular file"
                    : "no such file: " + file);
        }
        if (!Files.isReadable(file)) {
            throw new IllegalArgumentException("cannot read " + file + ": permission denied");
        }
        long start = System.nanoTime();
        UploadResult r;
        try (StorageBackend backend = backendOptions.open(t.scheme());
             ProgressPrinter progress = new ProgressPrinter(spec.commandLine().getErr(), quiet)) {
            r = FileUploader.builder().partSize(partSize).concurrency(concurrency).progress(progress)
                    .precondition(ifNotExists ? WritePrecondition.ifAbsent() : WritePrecondition.none()).build()
                    .upload(backend, file, t);
        }
        double secs = (System.nanoTime() - start) / 1e9;
        spec.commandLine().getOut().printf(Locale.ROOT, "uploaded %s -> %s%n  size      %d bytes (%s) in %d parts%n"
                        + "  checksum  %s%n  etag      %s%n  elapsed   %.2f s (%s/s)%n",
                file, r.target(), r.size(), Sizes.format(r.size()), r.partCount(),
                r.checksum() == null ? "none reported" : r.checksum().algorithm() + " " + r.checksum().hex(),
                r.etag(), secs, Sizes.format(r.size() / Math.max(secs, 1e-9)));
        return Main.OK;
    }
}
