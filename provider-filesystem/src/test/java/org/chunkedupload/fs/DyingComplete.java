package org.chunkedupload.fs;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import org.chunkedupload.api.BackendConfig;
import org.chunkedupload.api.ChunkedUploadSession;
import org.chunkedupload.api.ObjectTarget;
import org.chunkedupload.api.ProviderRegistry;
import org.chunkedupload.api.StorageBackend;
import org.chunkedupload.api.UploadOptions;

/**
 * A child JVM that dies (halts, as {@code kill -9} would end it) at one crash point of the fs
 * provider: {@code ROOT TARGET MODE} where MODE is {@code claimed} (complete claimed the staging
 * directory), {@code published} (complete published the data file in place, nothing cleaned up yet)
 * or {@code aborting} (abort renamed the staging directory away). Prints the upload id first.
 */
public final class DyingComplete {
    private DyingComplete() {
    }

    public static void main(String[] a) throws Exception {
        Path root = Path.of(a[0]);
        ObjectTarget target = ObjectTarget.parse(a[1]);
        StorageBackend fs = ProviderRegistry.load().open(BackendConfig.of("fs", Map.of("root", root.toString())));
        ChunkedUploadSession s = fs.initiate(target, UploadOptions.builder().partSizeHint(1000).build());
        byte[] part = new byte[1000];
        for (int n = 1; n <= 3; n++) {
            java.util.Arrays.fill(part, (byte) n);
            s.uploadPart(n, part);
        }
        String id = s.handle().uploadId();
        System.out.println(id);
        System.out.flush();
        Path dir = root.resolve(".chunked-uploads").resolve(target.bucket()).resolve(id);
        switch (a[2]) {
            case "claimed" -> Claims.claimForComplete(dir, id);
            case "published" -> {
                Claims.Held h = Claims.claimForComplete(dir, id);
                Files.createDirectories(root.resolve(target.bucket()).resolve(target.key()).getParent());
                Files.move(h.claimed.resolve(PartWriter.DATA), root.resolve(target.bucket()).resolve(target.key()),
                        StandardCopyOption.ATOMIC_MOVE);
            }
            case "aborting" -> Files.move(dir, dir.resolveSibling(StagedUpload.ABORTING_PREFIX + id + "-dead"),
                    StandardCopyOption.ATOMIC_MOVE);
            default -> throw new IllegalArgumentException(a[2]);
        }
        Runtime.getRuntime().halt(137);
    }
}
