package org.chunkedupload.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A directory upload killed with SIGKILL half-way is finished by running the same command again with
 * the same journal: files done are not sent again, the file in flight resumes from its journal, every
 * object is byte-exact, nothing is left pending and the journal is gone.
 */
class TreeResumeTest {
    @TempDir
    Path tmp;

    @Test
    void aKilledTreeIsFinishedByTheSameCommand() throws Exception {
        Path tree = Files.createDirectories(tmp.resolve("tree"));
        Random rnd = new Random(21);
        for (int i = 0; i < 40; i++) {
            byte[] b = new byte[64 << 10];
            rnd.nextBytes(b);
            Files.write(tree.resolve(String.format("f%02d.bin", i)), b);
        }
        byte[] big = new byte[24 << 20];
        rnd.nextBytes(big);
        Files.write(tree.resolve("zz-big.bin"), big);
        Path journal = tmp.resolve("journal");
        String[] args = {"put", tree.toString(), "fs://demo/tree", "--recursive", "--journal", journal.toString(),
                "--part-size", "1MiB", "--concurrency", "2", "-o", "root=" + tmp.resolve("store"), "-o", "fsync=true"};
        try (ChildCli child = new ChildCli(tmp, args)) {
            Path manifest = journal.resolve("manifest");
            ChildCli.await(Duration.ofMinutes(2), () -> Files.exists(manifest) && lines(manifest) >= 10,
                    "ten files are done");
            new ProcessBuilder("kill", "-KILL", Long.toString(child.process.pid())).start().waitFor();
            child.process.waitFor();
        }
        long doneBefore = lines(journal.resolve("manifest"));
        assertTrue(doneBefore >= 10 && doneBefore < 41, "killed half-way: " + doneBefore);

        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        assertEquals(0, Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true)), err.toString());
        assertTrue(out.toString().contains("41 files: ") && out.toString().contains(doneBefore + " skipped"),
                "the files done before are skipped: " + out);
        for (int i = 0; i < 40; i++) {
            String n = String.format("f%02d.bin", i);
            assertArrayEquals(Files.readAllBytes(tree.resolve(n)), Files.readAllBytes(tmp.resolve("store/demo/tree/" + n)), n);
        }
        assertArrayEquals(big, Files.readAllBytes(tmp.resolve("store/demo/tree/zz-big.bin")));
        // A kill between an initiate and the journal line naming it (a few milliseconds per file) leaves
        // an upload no journal knows: resume cannot claim it as its own, so it stays for 'pending' to show
        // and 'sweep' to free. It never holds parts (they are sent only after the journal line).
        try (org.chunkedupload.api.StorageBackend store = org.chunkedupload.api.ProviderRegistry.load().open(
                org.chunkedupload.api.BackendConfig.of("fs", java.util.Map.of("root", tmp.resolve("store").toString())))) {
            for (String line : pendingJson().lines().filter(l -> !l.isBlank()).toList()) {
                java.util.regex.Matcher h = java.util.regex.Pattern.compile("\"handle\":\"([^\"]+)\"").matcher(line);
                assertTrue(h.find() && line.contains("\"key\":\"tree/f"), line);
                assertEquals(java.util.List.of(), store.resume(org.chunkedupload.api.UploadHandle.parse(h.group(1)))
                        .listParts(), "only an unjournaled upload without parts may be left: " + line);
            }
        }
        assertEquals(0, Main.run(new String[] {"sweep", "fs://demo", "--older-than", "0s", "-o",
                "root=" + tmp.resolve("store")}, new PrintWriter(new StringWriter(), true),
                new PrintWriter(new StringWriter(), true)));
        assertEquals("", pendingJson().trim(), "nothing is left pending after sweep");
        assertFalse(Files.exists(journal), "the journal is removed once the tree is done");
    }

    private String pendingJson() {
        StringWriter pending = new StringWriter();
        Main.run(new String[] {"pending", "fs://demo", "--json", "-o", "root=" + tmp.resolve("store")},
                new PrintWriter(pending, true), new PrintWriter(new StringWriter(), true));
        return pending.toString();
    }

    private static long lines(Path p) {
        try {
            return Files.readAllLines(p).size();
        } catch (java.io.IOException e) {
            return 0;
        }
    }
}
