package org.chunkedupload.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.chunkedupload.transfer.Transfer;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * What {@code put} and {@code resume} do on SIGINT (Ctrl-C), SIGTERM and SIGHUP: the first signal
 * cancels the transfer, which aborts the upload (or keeps it with {@code --keep-on-failure}), and
 * the command waits for that to finish, at most {@link #WAIT}, before it exits with 128 + the signal
 * number (130 for Ctrl-C); a second signal exits at once, saying what was left behind. Signals are
 * handled only while a transfer runs; the previous handlers are restored afterwards. A signal the
 * parent made the process ignore (SIGINT of a background job in a non-interactive shell, nohup's
 * SIGHUP) stays ignored, as Unix intends.
 */
final class Interruption implements AutoCloseable {
    /** How long the command waits for the abort (or keep) after the first signal. */
    static final Duration WAIT = Duration.ofSeconds(60);
    private static final String[] SIGNALS = {"INT", "TERM", "HUP"};

    private final AtomicReference<Signal> first = new AtomicReference<>();
    private final List<Signal> installed = new ArrayList<>();
    private final List<SignalHandler> previous = new ArrayList<>();

    /**
     * @param transfer the transfer to cancel
     * @param err where to say what happens
     * @param keep whether the transfer keeps the upload on cancellation (--keep-on-failure) instead of aborting it
     * @param leftBehind what a second signal leaves behind, as a sentence with the command that finishes it
     */
    Interruption(Transfer transfer, PrintWriter err, boolean keep, Supplier<String> leftBehind) {
        for (String name : SIGNALS) {
            Signal s;
            try {
                s = new Signal(name);
                SignalHandler old = Signal.handle(s, sig -> {
                    if (first.compareAndSet(null, sig)) {
                        err.println();
                        err.println("chunked-upload: interrupted (SIG" + sig.getName() + "): "
                                + (keep ? "keeping the upload for resume" : "aborting the upload so that no part is left")
                                + "; press Ctrl-C again to exit at once");
                        err.flush();
                        transfer.cancel();
                    } else {
                        err.println("chunked-upload: interrupted again: exiting now; " + leftBehind.get());
                        err.flush();
                        Runtime.getRuntime().halt(exitCode(first.get()));
                    }
                });
                installed.add(s);
                previous.add(old);
            } catch (IllegalArgumentException e) {
                // the platform has no such signal (HUP on Windows), or the JVM reserves it: nothing to handle
            }
        }
    }

    /** @return the first signal received, or null */
    Signal received() {
        return first.get();
    }

    /** @return 128 + the signal number (130 for SIGINT, 143 for SIGTERM, 129 for SIGHUP) */
    static int exitCode(Signal s) {
        return 128 + s.getNumber();
    }

    @Override
    public void close() {
        for (int i = 0; i < installed.size(); i++) {
            try {
                Signal.handle(installed.get(i), previous.get(i));
            } catch (IllegalArgumentException e) {
                // cannot happen for a signal handled above
            }
        }
    }
}
