package org.chunkedupload.cli;

import java.io.File;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;
import org.chunkedupload.transfer.TransferProgress;

/**
 * Shows a transfer's progress on standard error: when standard error is a terminal, one line
 * redrawn in place twice a second, fitted to the terminal's width (read again every few seconds, so
 * a resized window is followed); otherwise one plain line every five seconds, so logs stay readable.
 * Nothing with {@code --quiet}. See {@link ProgressLine} for what the line holds.
 */
final class ProgressPrinter implements AutoCloseable {
    private final PrintWriter err;
    private final boolean terminal = stderrIsTerminal();
    private final Supplier<TransferProgress> source;
    private final Thread thread;
    private final ProgressLine line;
    private volatile boolean succeeded;
    private int width = terminal ? columns() : 0;
    private long widthRead = System.nanoTime();

    ProgressPrinter(PrintWriter err, boolean quiet, Supplier<TransferProgress> source) {
        this(err, quiet, source, "parts");
    }

    /** @param unit what the progress's parts count: "parts" for one object, "files" for a tree */
    ProgressPrinter(PrintWriter err, boolean quiet, Supplier<TransferProgress> source, String unit) {
        this.line = new ProgressLine(unit);
        this.err = err;
        this.source = source;
        this.thread = quiet ? null : new Thread(this::loop, "chunked-upload-progress");
        if (thread != null) {
            thread.setDaemon(true);
            thread.start();
        }
    }

    /** @return whether file descriptor 2 is a terminal (Linux: /proc), else whether there is a console */
    static boolean stderrIsTerminal() {
        try {
            String target = Files.readSymbolicLink(Path.of("/proc/self/fd/2")).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
        } catch (Exception e) {
            return System.console() != null;
        }
    }

    /** @return the terminal's width: stty on the controlling terminal, else $COLUMNS, else 80 */
    static int columns() {
        try {
            Process p = new ProcessBuilder("stty", "size").redirectInput(new File("/dev/tty"))
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            String out = new String(p.getInputStream().readAllBytes()).trim();
            if (p.waitFor() == 0 && out.matches("\\d+ \\d+")) {
                return Math.max(20, Integer.parseInt(out.split(" ")[1]));
            }
        } catch (Exception e) {
            // no terminal to ask
        }
        try {
            return Math.max(20, Integer.parseInt(System.getenv().getOrDefault("COLUMNS", "80")));
        } catch (NumberFormatException e) {
            return 80;
        }
    }

    private void loop() {
        long interval = terminal ? 500 : 5000;
        try {
            while (true) {
                Thread.sleep(interval);
                print(false);
            }
        } catch (InterruptedException e) {
            // closed
        }
    }

    private synchronized void print(boolean last) {
        TransferProgress p = source.get();
        if (terminal) {
            if (System.nanoTime() - widthRead > 3_000_000_000L) {
                width = columns();
                widthRead = System.nanoTime();
            }
            // one column to spare: a line exactly as wide as the terminal wraps on some terminals
            err.print("\r" + line.render(p, width - 1, last) + "\u001b[K" + (last ? "\n" : ""));
        } else {
            err.println("progress: " + line.render(p, 0, last));
        }
        err.flush();
    }

    /** Marks the transfer as finished, so that {@link #close()} prints the final figures. */
    void succeeded() {
        succeeded = true;
    }

    /** Stops printing; prints a last line when the transfer succeeded (a failure is reported by its error alone). */
    @Override
    public void close() {
        if (thread == null) {
            return;
        }
        thread.interrupt();
        try {
            thread.join(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (succeeded) {
            print(true);
        } else if (terminal) {
            err.print("\n");
            err.flush();
        }
    }
}
