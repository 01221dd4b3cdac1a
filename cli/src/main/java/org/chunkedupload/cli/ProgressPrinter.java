package org.chunkedupload.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.Supplier;
import org.chunkedupload.transfer.TransferProgress;

/**
 * Polls a transfer's progress: on a terminal, a bar rewritten in place twice a second; otherwise
 * one plain line every five seconds, so logs stay readable. The rate shown is the current one (over
 * the last interval), not the average.
 */
final class ProgressPrinter implements AutoCloseable {
    private final PrintWriter err;
    private final boolean terminal = System.console() != null;
    private final Supplier<TransferProgress> source;
    private final Thread thread;
    private volatile boolean succeeded;
    private long lastBytes;
    private long lastNanos = System.nanoTime();

    ProgressPrinter(PrintWriter err, boolean quiet, Supplier<TransferProgress> source) {
        this.err = err;
        this.source = source;
        this.thread = quiet ? null : new Thread(this::loop, "chunked-upload-progress");
        if (thread != null) {
            thread.setDaemon(true);
            thread.start();
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
        long now = System.nanoTime();
        double rate = (p.bytesSent() - lastBytes) / Math.max((now - lastNanos) / 1e9, 1e-3);
        if (last) {
            rate = p.bytesPerSecond();
        }
        lastBytes = p.bytesSent();
        lastNanos = now;
        long total = p.bytesTotal();
        double pct = total > 0 ? Math.min(100.0, 100.0 * p.bytesSent() / total) : total == 0 ? 100 : -1;
        String parts = p.partsTotal() < 0 ? p.partsDone() + " parts" : p.partsDone() + "/" + p.partsTotal() + " parts";
        String body = String.format(Locale.ROOT, "%s / %s  %s  %s/s  %d retries", Sizes.format(p.bytesSent()),
                total < 0 ? "?" : Sizes.format(total), parts, Sizes.format(rate), p.retries());
        if (terminal) {
            int width = 30;
            int filled = pct < 0 ? 0 : (int) (pct / 100 * width);
            err.printf(Locale.ROOT, "\r[%s%s] %s  %s   %s", "#".repeat(filled), ".".repeat(width - filled),
                    pct < 0 ? "  ?%" : String.format(Locale.ROOT, "%3.0f%%", pct), body, last ? "\n" : "");
        } else {
            err.printf(Locale.ROOT, "progress: %s%s%n", pct < 0 ? "" : String.format(Locale.ROOT, "%.0f%%  ", pct), body);
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
