package org.chunkedupload.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import org.chunkedupload.transfer.ProgressListener;

/**
 * Prints transfer progress to standard error twice a second: on a terminal as one line rewritten in
 * place, otherwise as one line every two seconds (logs stay readable).
 */
final class ProgressPrinter implements ProgressListener, AutoCloseable {
    private final PrintWriter err;
    private final boolean terminal = System.console() != null;
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong total = new AtomicLong(-1);
    private final long start = System.nanoTime();
    private final Thread thread;

    ProgressPrinter(PrintWriter err, boolean quiet) {
        this.err = err;
        this.thread = quiet ? null : new Thread(this::loop, "chunked-upload-progress");
        if (thread != null) {
            thread.setDaemon(true);
            thread.start();
        }
    }

    @Override
    public void onProgress(long bytesSent, long bytesTotal) {
        sent.accumulateAndGet(bytesSent, Math::max);
        total.set(bytesTotal);
    }

    private void loop() {
        long interval = terminal ? 500 : 2000;
        try {
            while (true) {
                Thread.sleep(interval);
                print(terminal ? "\r" : "", terminal ? "" : "\n");
            }
        } catch (InterruptedException e) {
            // closed
        }
    }

    private void print(String lead, String end) {
        long t = total.get();
        if (t < 0) {
            return;
        }
        long s = Math.min(sent.get(), t);
        double secs = Math.max((System.nanoTime() - start) / 1e9, 1e-3);
        err.printf(Locale.ROOT, "%s  %s / %s (%3.0f%%)  %s/s   %s", lead, Sizes.format(s), Sizes.format(t),
                t == 0 ? 100.0 : 100.0 * s / t, Sizes.format(s / secs), end);
        err.flush();
    }

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
        print(terminal ? "\r" : "", "\n");
    }
}
