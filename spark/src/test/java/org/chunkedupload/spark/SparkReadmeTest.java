package org.chunkedupload.spark;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.chunkedupload.testsupport.ReadmeSnippets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's Spark snippets (tagged {@code compile-with(spark)}) compile against this module. */
class SparkReadmeTest {
    @TempDir
    Path tmp;

    @Test
    void theSparkSnippetsCompile() throws Exception {
        ReadmeSnippets.Result r = ReadmeSnippets.compile(Path.of(System.getProperty("user.dir")).resolve("../README.md"),
                "spark", String.join("\n", "import java.nio.file.*;", "import java.util.*;",
                        "import org.apache.spark.api.java.JavaSparkContext;", "import org.chunkedupload.api.*;",
                        "import org.chunkedupload.spark.*;", ""), tmp);
        assertTrue(r.snippets() >= 2, "both entry points are shown: " + r.snippets());
        assertTrue(r.failures().isEmpty(), String.join("\n\n", r.failures()));
    }
}
