package org.chunkedupload.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Random;
import org.chunkedupload.api.BackendConfig;
import org.chunkedupload.api.ObjectTarget;
import org.chunkedupload.api.ProviderRegistry;
import org.chunkedupload.api.StorageBackend;
import org.chunkedupload.transfer.Uploader;

/**
 * Engine overhead: uploads to {@link SinkProvider} (which reads and discards every byte) and prints
 * GB/s (10^9 bytes per second), median of RUNS runs after 2 warm-ups, for six cases: an in-memory
 * buffer, a file (page cache) or a stream of unknown length (copied into part buffers), with the API's on-the-fly CRC-32C only, or also with a CRC-32C
 * computed in advance and sent with each part (a store that verifies part checksums).
 *
 * <p>Usage: {@code java -cp bench.jar:... org.chunkedupload.bench.EngineThroughput [SIZE_MIB=1024] [RUNS=5] [CONCURRENCY=2]}
 */
public final class EngineThroughput {
    private EngineThroughput() {
    }

    public static void main(String[] args) throws Exception {
        int mib = args.length > 0 ? Integer.parseInt(args[0]) : 1024;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        int concurrency = args.length > 2 ? Integer.parseInt(args[2]) : 2;
        byte[] data = new byte[mib << 20];
        new Random(1).nextBytes(data);
        Path file = Files.createTempFile("engine-bench", ".bin");
        Files.write(file, data);
        try {
            for (boolean verify : new boolean[] {false, true}) {
                try (StorageBackend sink = ProviderRegistry.of(new SinkProvider(verify)).open(BackendConfig.of("sink"))) {
                    Uploader up = Uploader.builder().concurrency(concurrency).build();
                    ObjectTarget t = ObjectTarget.parse("sink://b/k");
                    String what = verify ? "CRC-32C on the fly + sent per part" : "CRC-32C on the fly";
                    report("buffer, " + what, data.length, runs, () -> up.upload(sink, data, t));
                    report("file,   " + what, data.length, runs, () -> up.upload(sink, file, t));
                    report("stream, " + what, data.length, runs,
                            () -> up.upload(sink, new java.io.ByteArrayInputStream(data), t));
                }
            }
        } finally {
            Files.delete(file);
        }
    }

    private static void report(String name, long bytes, int runs, Runnable upload) {
        upload.run();
        upload.run();
        double[] gbps = new double[runs];
        for (int i = 0; i < runs; i++) {
            long t0 = System.nanoTime();
            upload.run();
            gbps[i] = bytes / ((System.nanoTime() - t0) / 1e9) / 1e9;
        }
        Arrays.sort(gbps);
        System.out.printf(Locale.ROOT, "%-48s median %.2f GB/s  (min %.2f, max %.2f, %d runs)%n", name,
                gbps[runs / 2], gbps[0], gbps[runs - 1], runs);
    }
}
