package org.chunkedupload.transfer;

import java.time.Duration;

/**
 * Fails a transfer in which nothing moves for its stall timeout ({@link Uploader.Builder#stallTimeout}):
 * no byte read by the provider, no part finished or retried, before complete is sent. Waiting for a
 * stream's producer is not a stall.
 */
final class StallWatchdog {
    private StallWatchdog() {
    }

    static void watch(TransferRun run, Duration limit) {
        Thread t = new Thread(() -> {
            long lastMark = Long.MIN_VALUE;
            long lastChange = System.nanoTime();
            try {
                while (!run.future.isDone()) {
                    Thread.sleep(Math.max(10, Math.min(1000, limit.toMillis() / 4)));
                    long mark = run.progressMark();
                    if (mark < 0 || mark != lastMark) {
                        lastMark = mark;
                        lastChange = System.nanoTime();
                    } else if (System.nanoTime() - lastChange > limit.toNanos()) {
                        run.stall(limit);
                        return;
                    }
                }
            } catch (InterruptedException e) {
                // the transfer ended
            }
        }, "chunked-upload-stall-watchdog");
        t.setDaemon(true);
        t.start();
    }
}
