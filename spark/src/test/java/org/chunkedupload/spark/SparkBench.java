package org.chunkedupload.spark;

import java.nio.file.Path;
import java.util.Map;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.chunkedupload.api.ObjectTarget;

/**
 * The benchmark's Spark side (run by {@code bench/spark-compare.sh}, not a test): one object or a
 * directory to the filesystem provider from Spark in local mode with N task threads. Prints the
 * context's start-up and the job's own time, so that Spark's overhead can be told from the upload's.
 * Arguments: {@code object|files THREADS SOURCE STORE_ROOT}.
 */
public final class SparkBench {
    private SparkBench() {
    }

    public static void main(String[] a) {
        int threads = Integer.parseInt(a[1]);
        long t0 = System.nanoTime();
        SparkConf conf = new SparkConf().setMaster("local[" + threads + "]").setAppName("chunked-upload-bench")
                .set("spark.ui.enabled", "false").set("spark.driver.host", "127.0.0.1")
                .set("spark.driver.bindAddress", "127.0.0.1");
        try (JavaSparkContext sc = new JavaSparkContext(conf)) {
            long t1 = System.nanoTime();
            ExecutorConfig config = ExecutorConfig.of(Map.of("provider", "fs", "fs.root", a[3], "fs.fsync", "false"));
            SparkUpload job = SparkUpload.builder(sc, config).partSize(64L << 20).tasks(threads).concurrencyPerTask(2)
                    .build();
            if (a[0].equals("object")) {
                job.uploadObject(a[2], ObjectTarget.parse("fs://bench/object.bin"));
            } else {
                long failed = job.uploadDirectory(Path.of(a[2]), "bench", "tree").stream()
                        .filter(r -> r.error() != null).count();
                if (failed > 0) {
                    throw new IllegalStateException(failed + " files failed");
                }
            }
            long t2 = System.nanoTime();
            System.out.printf(java.util.Locale.ROOT, "spark-bench context %.2f s, job %.2f s, %d parts%n", (t1 - t0) / 1e9,
                    (t2 - t1) / 1e9, job.partsSent());
        }
    }
}
