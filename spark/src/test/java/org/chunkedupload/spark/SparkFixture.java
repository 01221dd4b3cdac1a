package org.chunkedupload.spark;

import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;

/**
 * One Spark context in local mode for the whole test run (a context takes seconds to start on two
 * cores): {@code local[2,3]} runs two tasks at once and tries a failed task up to three times, as a
 * cluster would. The event log is kept under {@code target/spark-events}, where a test checks that
 * no secret reached it.
 */
final class SparkFixture {
    static final Path EVENTS = Path.of("target", "spark-events").toAbsolutePath();
    private static JavaSparkContext sc;

    private SparkFixture() {
    }

    static synchronized JavaSparkContext context() throws Exception {
        if (sc == null) {
            Files.createDirectories(EVENTS);
            SparkConf conf = new SparkConf().setMaster("local[2,3]").setAppName("chunked-upload-tests")
                    .set("spark.ui.enabled", "false")
                    .set("spark.eventLog.enabled", "true")
                    .set("spark.eventLog.dir", EVENTS.toUri().toString())
                    .set("spark.driver.host", "127.0.0.1")
                    .set("spark.driver.bindAddress", "127.0.0.1");
            sc = new JavaSparkContext(conf);
            Runtime.getRuntime().addShutdownHook(new Thread(sc::stop));
        }
        return sc;
    }
}
