package org.chunkedupload.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.chunkedupload.api.BackendConfig;
import org.chunkedupload.api.ChunkedUploadSession;
import org.chunkedupload.api.ObjectTarget;
import org.chunkedupload.api.ProviderRegistry;
import org.chunkedupload.api.StorageBackend;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CliTest {
    @TempDir
    Path tmp;

    record Run(int code, String out, String err) { }

    private Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        String[] all = new String[args.length + 2];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = "-o";
        all[args.length + 1] = "root=" + tmp.resolve("store");
        int code = Main.run(all, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(code, out.toString(), err.toString());
    }

    private Path file(int size) throws IOException {
        return Files.write(tmp.resolve("f.bin"), new byte[size]);
    }

    @Test
    void putUploadsAndReportsSizeChecksumAndTime() throws IOException {
        Path f = file(3_000_000);
        Run r = run("put", f.toString(), "fs://demo/a/f.bin", "--part-size", "1MiB", "--quiet");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("3000000 bytes") && r.out().contains("in 3 parts") && r.out().contains("CRC32C")
                && r.out().contains("elapsed"), r.out());
        assertEquals(3_000_000, Files.size(tmp.resolve("store/demo/a/f.bin")));
    }

    @Test
    void badInputGetsOneLineAndExitTwoAndLeavesNothing() throws IOException {
        Path f = file(10);
        for (String[] args : new String[][] {
                {"put", tmp.resolve("missing").toString(), "fs://demo/x"},
                {"put", f.toString(), "nosuch://demo/x"},
                {"put", f.toString(), "fs:/demo/x"},
                {"put", f.toString(), "fs://demo/../../escape"},
                {"put", f.toString(), "fs://demo/x", "--part-size", "lots"}}) {
            Run r = run(args);
            assertEquals(2, r.code(), String.join(" ", args) + " -> " + r.err());
            assertEquals(1, r.err().strip().lines().count(), "one line: " + r.err());
            assertFalse(r.err().contains("\tat "), "no stack trace without --verbose");
            assertFalse(Files.exists(tmp.resolve("store")), "bad input created the store: " + String.join(" ", args));
        }
        String err = run("put", f.toString(), "nosuch://demo/x").err();
        assertTrue(err.contains("installed providers are az, fs, gs, s3"), err);
    }

    @Test
    void verboseShowsTheStackTrace() throws IOException {
        Run r = run("put", file(1).toString(), "nosuch://demo/x", "--verbose");
        assertTrue(r.err().contains("\tat "), r.err());
    }

    @Test
    void ifNotExistsRefusesToReplace() throws IOException {
        Path f = file(10);
        assertEquals(0, run("put", f.toString(), "fs://demo/once", "--quiet").code());
        Run again = run("put", f.toString(), "fs://demo/once", "--quiet", "--if-not-exists");
        assertEquals(3, again.code(), again.err());
        assertTrue(run("pending", "fs://demo").out().contains("0 pending upload(s)"), "the refused upload was aborted");
    }

    @Test
    void sweepAbortsOnlyUploadsOlderThanTheDurationAndDryRunAbortsNothing() throws Exception {
        String old;
        try (StorageBackend fs = ProviderRegistry.load().open(BackendConfig.of("fs",
                Map.of("root", tmp.resolve("store").toString())))) {
            ChunkedUploadSession s = fs.initiate(ObjectTarget.parse("fs://demo/old/file"));
            s.uploadPart(1, new byte[3000]);
            old = s.handle().uploadId();
            Thread.sleep(2100);
            fs.initiate(ObjectTarget.parse("fs://demo/new/file")).uploadPart(1, new byte[10]);
        }
        assertTrue(run("pending", "fs://demo", "--older-than", "2s").out().contains("1 pending upload(s)"));
        Run dry = run("sweep", "fs://demo", "--older-than", "2s", "--dry-run");
        assertEquals(0, dry.code(), dry.err());
        assertTrue(dry.out().contains("would abort") && dry.out().contains(old) && dry.out().contains("1 upload(s)"),
                dry.out());
        assertTrue(run("pending", "fs://demo").out().contains("2 pending upload(s)"), "a dry run aborts nothing");
        Run sweep = run("sweep", "fs://demo", "--older-than", "2s");
        assertEquals(0, sweep.code(), sweep.err());
        assertTrue(sweep.out().contains("aborted 1 upload(s) older than 2s, freeing"), sweep.out());
        Run left = run("pending", "fs://demo");
        assertTrue(left.out().contains("1 pending upload(s)") && !left.out().contains(old), left.out());
        Run bad = run("sweep", "fs://demo", "--older-than", "a week");
        assertEquals(2, bad.code());
        assertTrue(bad.err().contains("30s, 15m, 24h or 7d"), bad.err());
    }

    @Test
    void aConfigurationFileSelectsProviderBucketAndTransferAndIsShownMasked() throws Exception {
        Path store = tmp.resolve("cfgstore");
        Path journals = tmp.resolve("journals");
        Path cfg = Files.writeString(tmp.resolve("cu.properties"), "provider = fs\nbucket = media\nfs.root = " + store
                + "\nfs.fsync = false\npart-size = 1MiB\nconcurrency = 3\njournal-dir = " + journals + "\n");
        Path f = file(2_500_000);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new String[] {"put", f.toString(), "clips/f.bin", "--config", cfg.toString(), "--quiet"},
                new PrintWriter(out, true), new PrintWriter(err, true));
        assertEquals(0, code, err.toString());
        assertTrue(out.toString().contains("fs://media/clips/f.bin") && out.toString().contains("in 3 parts"), out.toString());
        assertEquals(2_500_000, Files.size(store.resolve("media/clips/f.bin")));
        assertTrue(Files.isDirectory(journals), "journal-dir is used for file uploads");

        StringWriter shown = new StringWriter();
        code = Main.run(new String[] {"config", "show", "--config", cfg.toString()}, new PrintWriter(shown, true),
                new PrintWriter(err, true));
        assertEquals(0, code, err.toString());
        assertTrue(shown.toString().contains("provider = fs  (cu.properties)")
                && shown.toString().contains("concurrency = 3  (cu.properties)")
                && shown.toString().contains("retries = 5  (default)"), shown.toString());

        Path bad = Files.writeString(tmp.resolve("bad.properties"), "provider = fs\nconcurency = 3\n");
        StringWriter badErr = new StringWriter();
        code = Main.run(new String[] {"put", f.toString(), "x", "--config", bad.toString()},
                new PrintWriter(new StringWriter(), true), new PrintWriter(badErr, true));
        assertEquals(2, code);
        assertTrue(badErr.toString().contains("unknown key 'concurency'"), badErr.toString());
    }

    @Test
    void tckRunsTheKitAgainstTheConfiguredBackendAndWritesAReport() throws Exception {
        Path cfg = Files.writeString(tmp.resolve("tck.properties"), "provider = fs\nbucket = conformance\nfs.root = "
                + tmp.resolve("tckstore") + "\nfs.fsync = false\n");
        Path report = tmp.resolve("report");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new String[] {"tck", "--config", cfg.toString(), "--report", report.toString()},
                new PrintWriter(out, true), new PrintWriter(err, true));
        assertEquals(0, code, out + "\n" + err);
        assertTrue(out.toString().contains("58 rules, 48 passed, 0 failed, 10 skipped"), out.toString());
        String md = Files.readString(report.resolve("conformance.md"));
        assertTrue(md.contains("| CONC-01 ") && md.contains("| PASSED (MUST) |"), md);
        assertTrue(md.contains("SKIPPED: capability ISOLATED_UPLOADS is declared"), "skips name the capability: " + md);
        try (var files = Files.list(report)) {
            assertTrue(files.anyMatch(p -> p.getFileName().toString().endsWith(".xml")), "JUnit XML is written");
        }
    }

    @Test
    void lifecycleOnAStoreWithoutABackstopPointsToSweep() {
        Run r = run("lifecycle", "fs://demo", "--abort-after", "7d");
        assertEquals(1, r.code());
        assertTrue(r.out().contains("has no backstop") && r.out().contains("sweep fs://demo --older-than 7d"), r.out());
    }

    @Test
    void pendingListsAndAbortFreesAnUpload() {
        String uploadId;
        try (StorageBackend fs = ProviderRegistry.load().open(BackendConfig.of("fs",
                Map.of("root", tmp.resolve("store").toString())))) {
            ChunkedUploadSession s = fs.initiate(ObjectTarget.parse("fs://demo/big/file"));
            s.uploadPart(1, new byte[2048]);
            uploadId = s.handle().uploadId();
        }
        Run pending = run("pending", "fs://demo/big/");
        assertEquals(0, pending.code(), pending.err());
        assertTrue(pending.out().contains(uploadId) && pending.out().contains("1 pending upload(s)"), pending.out());
        Run json = run("pending", "fs://demo", "--json");
        assertTrue(json.out().contains("\"uploadId\":\"" + uploadId + "\"") && json.out().contains("\"handle\":\"cuh1."),
                json.out());
        Run abort = run("abort", "fs://demo/big/file", "--upload-id", uploadId);
        assertEquals(0, abort.code(), abort.err());
        assertTrue(run("pending", "fs://demo").out().contains("0 pending upload(s)"));
        assertEquals(0, run("abort", "fs://demo/big/file", "--upload-id", uploadId).code(), "abort is idempotent");
    }

    @Test
    void providersListsFsWithItsCapabilities() {
        Run r = run("providers");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("fs  Local filesystem") && r.out().contains("LIST_PENDING"), r.out());
    }

    @Test
    void sizesAcceptBinaryAndDecimalUnits() {
        assertEquals(64_000_000L, Sizes.parse("64MB"));
        assertEquals(8L << 20, Sizes.parse("8MiB"));
        assertEquals(8L << 20, Sizes.parse("8M"));
        assertEquals(1L << 30, Sizes.parse("1GiB"));
        assertEquals(1_500_000_000L, Sizes.parse("1.5GB"));
        assertEquals(12345L, Sizes.parse("12345"));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> Sizes.parse("12 parsecs"));
    }

    @Test
    void dryRunPrintsThePlanAndUploadsNothing() throws IOException {
        Path f = Files.write(tmp.resolve("big.bin"), new byte[3 * 1024 * 1024 + 5]);
        Run r = run("put", f.toString(), "fs://demo/planned", "--dry-run", "--part-size", "1MiB");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("parts            4") && r.out().contains("requests         6")
                && r.out().contains("nothing was uploaded"), r.out());
        assertFalse(Files.exists(tmp.resolve("store/demo/planned")));
        assertTrue(run("pending", "fs://demo").out().contains("0 pending upload(s)"));
    }

    @Test
    void aStreamsDryRunGivesOneLargestPart() {
        java.io.InputStream old = System.in;
        try {
            System.setIn(new java.io.ByteArrayInputStream(new byte[100]));
            Run r = run("put", "-", "fs://demo/planned", "--dry-run");
            assertEquals(0, r.code(), r.err());
            java.util.regex.Matcher largest = java.util.regex.Pattern.compile("largest (\\S+ \\S+)").matcher(r.out());
            java.util.regex.Matcher upTo = java.util.regex.Pattern.compile("up to (\\d+) bytes").matcher(r.out());
            assertTrue(largest.find() && upTo.find(), r.out());
            assertEquals(Sizes.format(Long.parseLong(upTo.group(1))), largest.group(1),
                    "the plan and the schedule name the same largest part: " + r.out());
        } finally {
            System.setIn(old);
        }
    }

    @Test
    void standardInputIsUploadedAsAStream() {
        byte[] data = new byte[2_500_000];
        new java.util.Random(3).nextBytes(data);
        java.io.InputStream old = System.in;
        try {
            System.setIn(new java.io.ByteArrayInputStream(data));
            Run r = run("put", "-", "fs://demo/from-stdin", "--part-size", "1MiB", "--quiet");
            assertEquals(0, r.code(), r.err());
            assertTrue(r.out().contains("2500000 bytes") && r.out().contains("in 3 parts"), r.out());
        } finally {
            System.setIn(old);
        }
    }

    @Test
    void resumeFinishesAnInterruptedJournaledUpload() throws IOException {
        Path f = Files.write(tmp.resolve("big.bin"), new byte[8 * 1024 * 1024]);
        Path journal = tmp.resolve("put.journal");
        java.util.concurrent.atomic.AtomicReference<org.chunkedupload.transfer.Transfer> ref =
                new java.util.concurrent.atomic.AtomicReference<>();
        try (StorageBackend fs = ProviderRegistry.load().open(BackendConfig.of("fs",
                Map.of("root", tmp.resolve("store").toString())))) {
            org.chunkedupload.transfer.Uploader u = org.chunkedupload.transfer.Uploader.builder().partSize(1 << 20)
                    .concurrency(1).journal(journal).keepOnFailure(true)
                    .listener(new org.chunkedupload.transfer.TransferListener() {
                        @Override
                        public void onPartCompleted(org.chunkedupload.api.PartReceipt receipt,
                                                    org.chunkedupload.transfer.TransferProgress progress) {
                            while (ref.get() == null) {
                                Thread.onSpinWait();
                            }
                            ref.get().cancel(); // interrupt the upload after its first part
                        }
                    }).build();
            ref.set(u.start(fs, f, ObjectTarget.parse("fs://demo/resumed")));
            org.junit.jupiter.api.Assertions.assertThrows(org.chunkedupload.transfer.CancelledTransferException.class,
                    ref.get()::join);
        }
        assertTrue(Files.exists(journal), "the journal was kept");
        assertFalse(Files.exists(tmp.resolve("store/demo/resumed")));
        Run r = run("resume", journal.toString(), "--quiet");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("8388608 bytes") && r.out().contains("in 8 parts"), r.out());
        assertEquals(8 * 1024 * 1024, Files.size(tmp.resolve("store/demo/resumed")));
        assertFalse(Files.exists(journal), "the journal is deleted after complete");
    }
}
