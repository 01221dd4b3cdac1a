package org.chunkedupload.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.chunkedupload.transfer.TransferProgress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The progress display: a line that fits the terminal (70 and 120 columns) with ETA, elapsed time
 * and a smoothed rate; shown when standard error is a terminal even with standard output
 * redirected, checked through a pseudo-terminal ({@code script}); plain lines otherwise.
 */
class ProgressDisplayTest {
    @TempDir
    Path tmp;

    private static TransferProgress mid() {
        return new TransferProgress(300L << 20, 1L << 30, 18, 64, 2, Duration.ofSeconds(12));
    }

    @Test
    void theLineFitsTheWidthAndSaysWhatMatters() {
        for (int width : new int[] {70, 120}) {
            String l = new ProgressLine().render(mid(), width, false);
            assertTrue(l.length() <= width, width + ": " + l);
            assertTrue(l.contains("uploading  29%") && l.contains("300.0 MiB/1.0 GiB") && l.contains("ETA ")
                    && l.contains("elapsed 0:12"), width + ": " + l);
            if (width == 120) {
                assertTrue(l.contains("18/64 parts") && l.contains("2 retries"), l);
            }
        }
        String wide = new ProgressLine().render(mid(), 160, false);
        assertTrue(wide.startsWith("[###########") && wide.length() <= 160, "a bar where there is room: " + wide);
        String narrow = new ProgressLine().render(mid(), 30, false);
        assertTrue(narrow.length() <= 30 && narrow.contains("uploading  29%"), narrow);
        String done = new ProgressLine().render(new TransferProgress(1L << 30, 1L << 30, 64, 64, 0,
                Duration.ofSeconds(40)), 120, true);
        assertTrue(done.contains("done 100%") && !done.contains("ETA"), done);
        assertEquals("0:07", ProgressLine.clock(Duration.ofSeconds(7)));
    }

    @Test
    void eachPhaseIsNamedAndWaitingIsNotARateOfZero() {
        ProgressLine line = new ProgressLine();
        line.render(mid(), 120, false);
        // every part is in; complete takes the store 20 s: the line says so, with the average rate and no ETA
        TransferProgress completing = new TransferProgress(1L << 30, 1L << 30, 64, 64, 0, Duration.ofSeconds(20),
                TransferProgress.Phase.COMPLETING);
        String l = line.render(completing, 120, false);
        assertTrue(l.contains("completing 100%") && l.contains("51.2 MiB/s") && !l.contains("ETA")
                && !l.contains(" 0 B/s"), l);
        for (TransferProgress.Phase ph : List.of(TransferProgress.Phase.PLANNING, TransferProgress.Phase.VERIFYING,
                TransferProgress.Phase.ABORTING)) {
            String other = new ProgressLine().render(new TransferProgress(0, 1L << 30, 0, 64, 0, Duration.ofSeconds(1), ph),
                    70, false);
            assertTrue(other.startsWith(ph.word()) || other.contains("] " + ph.word()), other);
        }
        String tree = new ProgressLine("files").render(new TransferProgress(5L << 20, 10L << 20, 5, 10, 0,
                Duration.ofSeconds(2)), 120, false);
        assertTrue(tree.contains("5/10 files"), tree);
        assertEquals("1:01:01", ProgressLine.clock(Duration.ofSeconds(3661)));
    }

    private String throughTerminal(int columns, String redirectStdout) throws Exception {
        Path out = tmp.resolve("screen-" + columns + ".txt");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String cli = "'" + java + "' -cp '" + System.getProperty("java.class.path") + "' " + Main.class.getName()
                + " put - fs://demo/slow --part-size 1MiB -o root='" + tmp.resolve("store") + "' -o fsync=false"
                + redirectStdout;
        String producer = "(for i in 1 2 3 4 5 6 7 8; do head -c 1048576 /dev/zero; sleep 0.4; done)";
        Process p = new ProcessBuilder("script", "-qec", "stty cols " + columns + " rows 24; " + producer + " | " + cli,
                out.toString()).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        assertTrue(p.waitFor(2, TimeUnit.MINUTES), "the upload through a terminal ends");
        assertEquals(0, p.exitValue());
        return Files.readString(out);
    }

    @Test
    void onATerminalTheLineIsRedrawnInPlaceWithinItsWidth() throws Exception {
        for (int columns : new int[] {70, 120}) {
            String screen = throughTerminal(columns, " > '" + tmp.resolve("stdout.txt") + "'");
            List<String> frames = List.of(screen.replace("\u001b[K", "").split("[\r\n]+"));
            List<String> progress = frames.stream().filter(f -> !f.startsWith("Script ")
                    && (f.contains("uploading") || f.contains("done "))).toList();
            assertTrue(progress.size() >= 3, "redrawn several times with stdout redirected:\n" + screen);
            for (String f : progress) {
                assertTrue(f.length() < columns, columns + " columns, a frame of " + f.length() + ": " + f);
            }
            assertTrue(progress.get(progress.size() - 1).contains("done"), "a last line says done:\n" + screen);
            Files.writeString(tmp.resolve("capture-" + columns + ".txt"), String.join("\n", progress));
            System.out.println("progress at " + columns + " columns:\n" + String.join("\n", progress));
        }
    }

    @Test
    void aTreeShowsFilesAndBytesOnTheTerminal() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("tree"));
        for (int i = 0; i < 40; i++) {
            Files.write(dir.resolve("f" + i), new byte[256 * 1024]);
        }
        Path out = tmp.resolve("tree-screen.txt");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String cli = "'" + java + "' -cp '" + System.getProperty("java.class.path") + "' " + Main.class.getName()
                + " put '" + dir + "' fs://demo/tree --recursive --concurrency 1 -o root='" + tmp.resolve("store")
                + "' -o fsync=true > /dev/null";
        Process p = new ProcessBuilder("script", "-qec", "stty cols 100 rows 24; " + cli, out.toString())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        assertTrue(p.waitFor(2, TimeUnit.MINUTES), "the tree upload through a terminal ends");
        assertEquals(0, p.exitValue(), Files.readString(out));
        String screen = Files.readString(out);
        List<String> frames = List.of(screen.replace("\u001b[K", "").split("[\r\n]+"));
        String last = frames.stream().filter(f -> f.contains("] done ") || f.startsWith("done ")).reduce((a, b) -> b).orElse("");
        assertTrue(last.contains("40/40 files") && last.contains("10.0 MiB/10.0 MiB"), "a last line of the tree:\n" + screen);
    }

    @Test
    void withoutATerminalLinesArePlain() throws Exception {
        Path src = Files.write(tmp.resolve("src"), new byte[1 << 20]);
        ChildCli child = new ChildCli(tmp, "put", src.toString(), "fs://demo/plain", "-o", "root=" + tmp.resolve("store"));
        assertEquals(0, child.waitFor(Duration.ofMinutes(1)));
        assertFalse(child.stderr().contains("\r") || child.stderr().contains("\u001b"), child.stderr());
    }
}
