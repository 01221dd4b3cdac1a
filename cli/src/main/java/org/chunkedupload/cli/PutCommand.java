package org.chunkedupload.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.chunkedupload.api.ObjectTarget;
import org.chunkedupload.api.StorageBackend;
import org.chunkedupload.api.UploadResult;
import org.chunkedupload.api.WritePrecondition;
import org.chunkedupload.config.TransferSettings;
import org.chunkedupload.transfer.Transfer;
import org.chunkedupload.transfer.TransferPlan;
import org.chunkedupload.transfer.Uploader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code put FILE TARGET}: uploads a file (or standard input) in parallel parts, showing progress. */
@Command(name = "put", mixinStandardHelpOptions = true,
        footerHeading = "%nExamples:%n", footer = {
                "  chunked-upload put big.iso fs://isos/big.iso",
                "  chunked-upload put video.mp4 s3://media/2026/video.mp4 --part-size 64MiB --concurrency 8 -o region=eu-west-1",
                "  tar c dir | chunked-upload put - gs://backups/dir.tar --content-type application/x-tar",
                "  chunked-upload put photos/ s3://media/photos --recursive --include '**.jpg' --skip-existing"},
        description = "Upload FILE (or - for standard input) to TARGET (scheme://bucket/key, or a bare"
        + " key with --config) in parallel parts.")
final class PutCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "FILE", description = "The file to upload, or - to read standard input.")
    String file;

    @Parameters(index = "1", paramLabel = "TARGET", description = "Where to put it, e.g. fs://demo/file.bin; a bare key (e.g. isos/big.iso) goes"
            + " to the configured provider and bucket.")
    String target;

    @Mixin
    TransferOptions transfer;

    @Mixin
    ObjectOptions object;

    @Mixin
    TreeOptions tree;

    @Option(names = "--journal", paramLabel = "PATH",
            description = "Keep a resume journal at PATH (owner-only, no credentials); see 'resume'. With --recursive: a"
                    + " directory; run the same command again to finish an interrupted tree.")
    Path journal;

    @Option(names = "--keep-on-failure", description = "On failure or Ctrl-C keep the upload for 'resume' instead of"
            + " aborting it (with a journal: --journal, journal-dir, else ~/.local/state/chunked-upload/journals).")
    boolean keepOnFailure;

    @Option(names = "--dry-run", description = "Print the plan (part size, parts, requests, memory) and upload nothing.")
    boolean dryRun;

    @Option(names = "--if-not-exists", description = "Fail (exit 3) instead of replacing an existing object.")
    boolean ifNotExists;

    @Mixin
    BackendOptions backendOptions;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    /** @return a file name for the target's journal: readable, unique per target */
    static String journalName(ObjectTarget t) {
        String readable = t.toString().replaceAll("[^A-Za-z0-9._-]+", "_");
        readable = readable.length() > 80 ? readable.substring(readable.length() - 80) : readable;
        return readable + "-" + Integer.toHexString(t.toString().hashCode()) + ".journal";
    }

    @Override
    public Integer call() {
        if (tree.recursive) {
            org.chunkedupload.api.ObjectPrefix p = org.chunkedupload.api.ObjectPrefix.parse(target);
            try (StorageBackend backend = backendOptions.open(p.scheme())) {
                Uploader u = transfer.settings(backendOptions.transferDefaults()).uploaderBuilder()
                        .options(object.uploadOptions()).build();
                return tree.upload(u, backend, Path.of(file), p, journal, transfer.quiet, spec.commandLine().getOut(),
                        spec.commandLine().getErr());
            }
        }
        ObjectTarget t = backendOptions.target(target);
        TransferSettings settings = transfer.settings(backendOptions.transferDefaults());
        boolean stdin = file.equals("-");
        Path path = stdin ? null : Path.of(file);
        long size = stdin ? -1 : Uploader.sourceSize(path); // refuses a source whose size cannot be trusted
        if (journal != null) {
            checkJournalPath(journal);
        }
        if (stdin && journal != null) {
            throw new IllegalArgumentException("--journal needs a file: standard input cannot be re-read after a crash");
        }
        Path journalDir = settings.journalDir() != null ? settings.journalDir()
                : keepOnFailure ? defaultJournalDir() : null; // a kept upload must be resumable
        if (journal == null && !stdin && journalDir != null) {
            journal = journalDir.resolve(journalName(t)); // every file upload is resumable
            try {
                Files.createDirectories(journalDir);
            } catch (java.io.IOException e) {
                throw new IllegalArgumentException("cannot create the journal directory " + journalDir + " ("
                        + e.getMessage() + "): choose another with --journal or journal-dir", e);
            }
        }
        PrintWriter out = spec.commandLine().getOut();
        try (StorageBackend backend = backendOptions.open(t.scheme())) {
            Uploader uploader = settings.uploaderBuilder().journal(journal).keepOnFailure(keepOnFailure)
                    .options(object.uploadOptions())
                    .precondition(ifNotExists ? WritePrecondition.ifAbsent() : WritePrecondition.none()).build();
            if (dryRun) {
                printPlan(out, uploader.plan(backend.capabilities(), backend.providerId(), size), backend.providerId());
                return Main.OK;
            }
            Transfer tr = stdin ? uploader.start(backend, System.in, t) : uploader.start(backend, path, t);
            UploadResult r = TransferOptions.await(tr, spec.commandLine().getErr(), transfer.quiet, keepOnFailure, journal,
                    backendOptions.endpoint(t.scheme()));
            TransferOptions.printResult(out, stdin ? "stdin" : file, r, tr, transfer.json);
            return Main.OK;
        }
    }

    /** Refuses a --journal path that cannot be a file, before anything is uploaded. */
    static void checkJournalPath(Path journal) {
        if (Files.isDirectory(journal)) {
            throw new IllegalArgumentException("--journal " + journal + " is a directory: give a file path such as "
                    + journal.resolve("upload.journal"));
        }
        for (Path p = journal.toAbsolutePath().getParent(); p != null; p = p.getParent()) {
            if (Files.exists(p) && !Files.isDirectory(p)) {
                throw new IllegalArgumentException("--journal " + journal + " cannot be created: " + p
                        + " is a file, not a directory; choose another path");
            }
        }
    }

    /** @return where kept uploads keep their journal when none is given: $XDG_STATE_HOME or ~/.local/state */
    static Path defaultJournalDir() {
        String state = System.getenv("XDG_STATE_HOME");
        Path base = state != null && !state.isBlank() ? Path.of(state)
                : Path.of(System.getProperty("user.home"), ".local", "state");
        return base.resolve("chunked-upload").resolve("journals");
    }

    static void printPlan(PrintWriter out, TransferPlan p, String provider) {
        out.printf(Locale.ROOT, "plan for provider %s (nothing was uploaded)%n", provider);
        out.printf(Locale.ROOT, "  object size      %s%n", p.objectSize() < 0 ? "unknown (stream)" : p.objectSize() + " bytes ("
                + Sizes.format(p.objectSize()) + ")");
        out.printf(Locale.ROOT, "  parts            %s%n", p.partCount() < 0 ? "grow with the stream" : Integer.toString(p.partCount()));
        out.printf(Locale.ROOT, "  part size        %d bytes (%s), largest %s%n", p.partSize(), Sizes.format(p.partSize()),
                Sizes.format(p.largestPartSize()));
        out.printf(Locale.ROOT, "  requests         %s%n", p.requests() < 0 ? "2 + one per part" : Long.toString(p.requests()));
        out.printf(Locale.ROOT, "  part buffers     %s%n", p.peakBufferBytes() == 0 ? "none (parts are read from the file)"
                : Sizes.format(p.peakBufferBytes()) + " at most");
        out.printf(Locale.ROOT, "  max object size  %s%n", Sizes.format(p.maxObjectSize()));
        out.printf(Locale.ROOT, "  schedule         %s%n", p.schedule());
    }
}
