package org.chunkedupload.transfer;

import java.nio.file.Path;
import org.chunkedupload.api.ObjectTarget;
import org.chunkedupload.api.ProviderRegistry;
import org.chunkedupload.api.StorageBackend;
import org.chunkedupload.api.UploadHandle;
import org.chunkedupload.fs.FilesystemProvider;

/**
 * Entry point of child JVMs in tests.
 * <ul>
 *   <li>{@code slow-upload DIR FILE TARGET JOURNAL PART_SIZE}: a journaled upload, slowed down so it can be killed midway;</li>
 *   <li>{@code parts DIR HANDLE FILE PART_SIZE FIRST LAST}: uploads a range of parts of an upload started elsewhere.</li>
 * </ul>
 */
public final class ChildUpload {
    private ChildUpload() {
    }

    public static void main(String[] a) throws Exception {
        Path dir = Path.of(a[1]);
        FaultInjection slow = new FaultInjection(new FilesystemProvider());
        try (StorageBackend backend = ProviderRegistry.of(slow).open(EngineFixture.config(dir))) {
            if (a[0].equals("slow-upload")) {
                slow.delayMillis = 150;
                Uploader.builder().partSize(Long.parseLong(a[5])).concurrency(2).journal(Path.of(a[4])).build()
                        .upload(backend, Path.of(a[2]), ObjectTarget.parse(a[3]));
            } else {
                Uploader.builder().partSize(Long.parseLong(a[4])).concurrency(2).build()
                        .uploadParts(backend, UploadHandle.parse(a[2]), Path.of(a[3]), Integer.parseInt(a[5]),
                                Integer.parseInt(a[6]));
            }
        }
        System.out.println("child done");
    }
}
