package org.chunkedupload.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code put DIR PREFIX --recursive}: the others finish when one file fails, the exit says so, a rerun skips. */
class TreePutTest {
    @TempDir
    Path tmp;

    private static int run(StringWriter out, StringWriter err, String... args) {
        return Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    }

    @Test
    void aTreeWithOneUnreadableFile() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("tree/a/b"));
        Files.write(dir.resolve("one.txt"), new byte[100]);
        Files.write(tmp.resolve("tree/two.txt"), new byte[200]);
        new ProcessBuilder("mkfifo", tmp.resolve("tree/a/pipe").toString()).start().waitFor();
        String root = "root=" + tmp.resolve("store");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        assertEquals(1, run(out, err, "put", tmp.resolve("tree").toString(), "fs://demo/backup", "--recursive", "-o", root));
        assertTrue(err.toString().contains("a/pipe -> fs://demo/backup/a/pipe failed"), err.toString());
        assertTrue(out.toString().contains("3 files: 2 uploaded (300 B), 0 skipped, 1 failed"), out.toString());
        assertTrue(Files.exists(tmp.resolve("store/demo/backup/a/b/one.txt")) && Files.exists(tmp.resolve("store/demo/backup/two.txt")));

        StringWriter again = new StringWriter();
        assertEquals(0, run(again, new StringWriter(), "put", tmp.resolve("tree").toString(), "fs://demo/backup", "-r",
                "--skip-existing", "--exclude", "**pipe", "-o", root));
        assertTrue(again.toString().contains("2 files: 0 uploaded (0 B), 2 skipped, 0 failed"), again.toString());
    }
}
