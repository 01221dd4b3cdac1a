package org.chunkedupload.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.chunkedupload.api.StorageBackend;
import org.chunkedupload.api.UploadResult;
import org.chunkedupload.transfer.Transfer;
import org.chunkedupload.transfer.Uploader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code resume JOURNAL}: finishes an interrupted {@code put --journal}. */
@Command(name = "resume", mixinStandardHelpOptions = true,
        footerHeading = "%nExamples:%n", footer = {
                "  chunked-upload put big.iso s3://isos/big.iso --journal big.journal --keep-on-failure",
                "  chunked-upload resume big.journal"},
        description = "Finish an interrupted 'put --journal JOURNAL': upload only the missing parts, then complete.")
final class ResumeCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "JOURNAL", description = "The journal written by put --journal.")
    Path journal;

    @Option(names = "--keep-on-failure", description = "If it fails again, keep the upload for another resume.")
    boolean keepOnFailure;

    @Mixin
    TransferOptions transfer;

    @Mixin
    BackendOptions backendOptions;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        var journaled = Uploader.journaledUpload(journal); // names the journal when it is missing, damaged or torn
        String provider = journaled.getKey().providerId();
        try (StorageBackend backend = backendOptions.open(provider)) {
            Transfer t = transfer.builder(backendOptions.transferDefaults()).keepOnFailure(keepOnFailure).build().resume(backend, journal);
            UploadResult r = TransferOptions.await(t, spec.commandLine().getErr(), transfer.quiet, keepOnFailure, journal,
                    backendOptions.endpoint(provider));
            TransferOptions.printResult(spec.commandLine().getOut(), journaled.getValue().toString(), r, t, transfer.json);
        }
        return Main.OK;
    }
}
