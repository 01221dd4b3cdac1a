package org.chunkedupload.examples.guice;

import com.google.inject.Guice;
import com.google.inject.Injector;
import java.nio.file.Path;
import org.chunkedupload.api.UploadResult;
import org.chunkedupload.guice.ChunkedUploadModule;

/**
 * {@code ArchiveApp CONFIG FILE KEY}: uploads FILE to KEY in the bucket the configuration names,
 * with the provider it names. Switch from the filesystem to S3, GCS or Azure by editing CONFIG.
 */
public final class ArchiveApp {
    private ArchiveApp() {
    }

    /** @param args configuration file, file, key */
    public static void main(String[] args) {
        if (args.length != 3) {
            System.err.println("usage: ArchiveApp CONFIG FILE KEY");
            System.exit(2);
        }
        Injector injector = Guice.createInjector(ChunkedUploadModule.fromFile(Path.of(args[0])));
        try {
            UploadResult r = injector.getInstance(ArchiveService.class).archive(Path.of(args[1]), args[2]);
            System.out.println("archived " + args[1] + " -> " + r.target() + " (" + r.size() + " bytes)");
        } finally {
            ChunkedUploadModule.close(injector);
        }
    }
}
