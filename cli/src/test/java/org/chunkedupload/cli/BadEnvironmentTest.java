package org.chunkedupload.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad environments, in a child JVM as a user meets them: a full disk (a real 1 MiB tmpfs in a
 * private mount namespace), a C locale, no credentials. One sentence, the documented exit code,
 * and nothing left behind.
 */
class BadEnvironmentTest {
    @TempDir
    Path tmp;

    /** Runs {@code script} in a user and mount namespace of its own, with a fresh 1 MiB tmpfs at {@code $DISK}. */
    private ChildCli onSmallDisk(Path disk, String script) throws IOException {
        Files.createDirectories(disk);
        List<String> java = ChildCli.javaCommand();
        String javaCmd = String.join(" ", java.stream().map(a -> "'" + a + "'").toList());
        return new ChildCli(tmp, Map.of("DISK", disk.toString(), "CU", javaCmd), List.of("unshare", "-rm", "sh", "-c",
                "mount -t tmpfs -o size=1m none \"$DISK\" || exit 99\n" + script));
    }

    private static boolean canMountTmpfs(Path dir) {
        try {
            Process p = new ProcessBuilder("unshare", "-rm", "sh", "-c", "mount -t tmpfs -o size=64k none '" + dir + "'")
                    .redirectErrorStream(true).start();
            return p.waitFor() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    private Path source(long size) throws IOException {
        Path f = tmp.resolve("src.bin");
        Files.write(f, new byte[(int) size]);
        return f;
    }

    @Test
    void aFullDiskUnderTheStoreIsOneSentenceAndLeavesNoPartNoTemporary() throws Exception {
        Path disk = tmp.resolve("disk");
        Assumptions.assumeTrue(canMountTmpfs(Files.createDirectories(disk)), "unshare/mount of a tmpfs is not permitted here");
        Path src = source(3 << 20);
        Path listing = tmp.resolve("left.txt");
        try (ChildCli child = onSmallDisk(disk, "eval \"$CU\" put '" + src + "' fs://demo/big -o root=\"$DISK/store\""
                + " --part-size 512KiB --quiet; rc=$?; find \"$DISK\" -type f ! -name .publish.lock > '" + listing
                + "'; exit $rc")) {
            assertEquals(1, child.waitFor(Duration.ofSeconds(60)), child.stderr());
            BadInputCatalogTest.assertOneSentence(child.stderr());
            assertTrue(child.stderr().contains("the disk is full"), child.stderr());
            assertEquals("", Files.readString(listing), "nothing is left on the full disk");
        }
    }

    @Test
    void aJournalOnAFullDiskIsOneSentenceAndLeavesNoTemporary() throws Exception {
        Path disk = tmp.resolve("disk");
        Assumptions.assumeTrue(canMountTmpfs(Files.createDirectories(disk)), "unshare/mount of a tmpfs is not permitted here");
        Path src = source(100_000);
        Path store = tmp.resolve("store");
        Path listing = tmp.resolve("left.txt");
        try (ChildCli child = onSmallDisk(disk, "head -c 2000000 /dev/zero > \"$DISK/filler\" 2>/dev/null;"
                + " eval \"$CU\" put '" + src + "' fs://demo/x -o root='" + store + "' --journal \"$DISK/j.journal\" --quiet;"
                + " rc=$?; find \"$DISK\" -type f ! -name filler > '" + listing + "'; exit $rc")) {
            assertEquals(1, child.waitFor(Duration.ofSeconds(60)), child.stderr());
            BadInputCatalogTest.assertOneSentence(child.stderr());
            assertTrue(child.stderr().contains("resume journal") && child.stderr().contains("free space"), child.stderr());
            assertEquals("", Files.readString(listing), "no journal and no .tmp are left");
            assertEquals(List.of(), ProviderFixtures.pendingFs(store), "the upload was aborted");
        }
    }

    @Test
    void aUtf8KeyUnderTheCLocaleIsOneSentence() throws Exception {
        Path src = source(10);
        Path store = tmp.resolve("store");
        List<String> cmd = new ArrayList<>(ChildCli.javaCommand("put", src.toString(), "fs://demo/caf\u00e9.bin",
                "-o", "root=" + store, "--quiet"));
        try (ChildCli child = new ChildCli(tmp, Map.of("LC_ALL", "C", "LANG", "C"), cmd)) {
            int code = child.waitFor(Duration.ofSeconds(60));
            BadInputCatalogTest.assertOneSentence(child.stderr());
            assertEquals(2, code, child.stderr());
            assertTrue(child.stderr().contains("UTF-8 locale"), child.stderr());
            assertTrue(!Files.exists(store) || BadInputCatalogTest.tree(store).stream().noneMatch(p -> p.contains("caf")));
        }
    }

    @Test
    void missingS3CredentialsAreOneShortSentence() throws Exception {
        Path src = source(10);
        List<String> cmd = ChildCli.javaCommand("put", src.toString(), "s3://b/k", "-o", "endpoint=http://127.0.0.1:9",
                "--quiet");
        Map<String, String> env = Map.of("AWS_EC2_METADATA_DISABLED", "true", "AWS_CONFIG_FILE", tmp.resolve("none").toString(),
                "AWS_SHARED_CREDENTIALS_FILE", tmp.resolve("none").toString(), "AWS_ACCESS_KEY_ID", "",
                "AWS_SECRET_ACCESS_KEY", "", "AWS_CONTAINER_CREDENTIALS_FULL_URI", "", "AWS_WEB_IDENTITY_TOKEN_FILE", "");
        try (ChildCli child = new ChildCli(tmp, env, cmd)) {
            assertEquals(2, child.waitFor(Duration.ofSeconds(60)), child.stderr());
            BadInputCatalogTest.assertOneSentence(child.stderr());
            assertTrue(child.stderr().contains("no S3 credentials") && child.stderr().length() < 400, child.stderr());
        }
    }
}
