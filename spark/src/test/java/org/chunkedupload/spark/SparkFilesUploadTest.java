package org.chunkedupload.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.chunkedupload.api.StorageBackend;
import org.chunkedupload.transfer.DirectoryUpload.Status;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Many files uploaded by Spark tasks: 2,000 small files, one row each; a file that cannot be read is
 * a failed row while the others finish; run again with the kept manifest, the files on the store are
 * skipped, not sent again.
 */
class SparkFilesUploadTest {
    @TempDir
    Path tmp;

    @Test
    void twoThousandFilesEachWithItsRow() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("tree"));
        Random rnd = new Random(5);
        for (int i = 0; i < 2000; i++) {
            byte[] b = new byte[1000 + i % 97];
            rnd.nextBytes(b);
            Files.write(Files.createDirectories(dir.resolve("d" + i % 40)).resolve("f" + i), b);
        }
        new ProcessBuilder("mkfifo", dir.resolve("d0/pipe").toString()).start().waitFor();
        ExecutorConfig config = ExecutorConfig.of(Map.of("provider", "fs", "fs.root", tmp.resolve("store").toString(),
                "fs.fsync", "false"));
        SparkUpload job = SparkUpload.builder(SparkFixture.context(), config).tasks(4).build();
        // a directory listing skips what is not a regular file; a list of files may name one that cannot be read
        List<String> files = new java.util.ArrayList<>(FileJob.listDirectory(dir, "backup"));
        assertEquals(2000, files.size());
        files.add(dir.resolve("d0/pipe") + "\tbackup/d0/pipe");
        List<FileResult> rows = job.uploadFiles("demo", files);
        assertEquals(2001, rows.size());
        assertEquals(2000, rows.stream().filter(r -> r.status() == Status.UPLOADED).count());
        FileResult pipe = rows.stream().filter(r -> r.status() == Status.FAILED).findFirst().orElseThrow();
        assertTrue(pipe.key().equals("backup/d0/pipe") && pipe.error().contains("not a regular file"), pipe.toString());
        FileResult one = rows.stream().filter(r -> r.key().equals("backup/d7/f7")).findFirst().orElseThrow();
        assertTrue(one.crc32c() != null && one.etag() != null && one.size() == 1007, one.toString());
        StorageBackend store = config.backend();
        assertEquals(SparkObjectUploadTest.sha(Files.newInputStream(dir.resolve("d7/f7"))),
                SparkObjectUploadTest.sha(store.read("demo", "backup/d7/f7")));
        assertEquals(List.of(), store.listPending("demo", ""));

        UploadManifest m = new UploadManifest(null, null, -1, 0, FileJob.listDirectory(dir, "backup"), "demo");
        long before = job.partsSent();
        List<FileResult> again = job.resumeFiles(m);
        assertEquals(2000, again.stream().filter(r -> r.status() == Status.SKIPPED).count(), "same size and CRC-32C");
        assertEquals(before, job.partsSent(), "no part was sent again");
        assertNull(again.stream().filter(r -> r.status() == Status.UPLOADED).findFirst().orElse(null));
    }
}
