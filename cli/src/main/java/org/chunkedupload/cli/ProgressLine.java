package org.chunkedupload.cli;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.chunkedupload.transfer.TransferProgress;

/**
 * One progress line, fitted to a width: the phase (planning, uploading, verifying, completing,
 * aborting, done), a bar, the percentage, bytes, parts, the smoothed current rate while parts are
 * sent (the average otherwise), the average rate, elapsed time, ETA and retries. What does not fit is left out, the
 * least useful first; the bar takes what is left.
 */
final class ProgressLine {
    /** The current rate, smoothed (exponentially weighted over about 5 s) so that it does not jump. */
    private double smoothed = -1;
    private long lastBytes;
    private long lastNanos = System.nanoTime();
    private final String unit;

    /** A line counting parts. */
    ProgressLine() {
        this("parts");
    }

    /** @param unit what the progress's parts count: "parts", or "files" for a tree */
    ProgressLine(String unit) {
        this.unit = unit;
    }

    /**
     * @param p the progress
     * @param width the columns available (a terminal's width), or 0 for a plain line of any length
     * @param last whether the transfer ended
     * @return the line, at most {@code width} columns when a width is given
     */
    String render(TransferProgress p, int width, boolean last) {
        long now = System.nanoTime();
        double dt = Math.max((now - lastNanos) / 1e9, 1e-3);
        double instant = (p.bytesSent() - lastBytes) / dt;
        double alpha = 1 - Math.exp(-dt / 5.0);
        double average = p.bytesPerSecond();
        // the first figure is the average so far: an instant rate needs a previous sample
        smoothed = smoothed < 0 ? average : smoothed + alpha * (instant - smoothed);
        lastBytes = p.bytesSent();
        lastNanos = now;
        long total = p.bytesTotal();
        TransferProgress.Phase ph = last && p.phase() != TransferProgress.Phase.FAILED ? TransferProgress.Phase.DONE
                : p.phase();
        boolean sending = ph == TransferProgress.Phase.UPLOADING;
        String phase = ph.word();
        String pct = total > 0 ? String.format(Locale.ROOT, "%3.0f%%", Math.min(100.0, 100.0 * p.bytesSent() / total))
                : total == 0 ? "100%" : "";
        List<String> fields = new ArrayList<>(); // most useful first
        fields.add(Sizes.format(p.bytesSent()) + (total < 0 ? "" : "/" + Sizes.format(total)));
        // the current rate only while parts are sent: waiting for complete is not a rate falling to 0
        fields.add((sending ? Sizes.format(Math.max(0, smoothed)) : Sizes.format(average)) + "/s");
        if (sending && total > 0 && p.bytesSent() < total && average > 0) {
            fields.add("ETA " + clock(Duration.ofSeconds((long) Math.ceil((total - p.bytesSent()) / Math.max(smoothed,
                    average / 4)))));
        }
        fields.add("elapsed " + clock(p.elapsed()));
        fields.add(p.partsTotal() < 0 ? p.partsDone() + " " + unit : p.partsDone() + "/" + p.partsTotal() + " " + unit);
        if (p.retries() > 0) {
            fields.add(p.retries() + " retries");
        }
        if (sending) {
            fields.add("avg " + Sizes.format(average) + "/s");
        }
        String head = phase + (pct.isEmpty() ? "" : " " + pct);
        if (width <= 0) {
            return head + "  " + String.join("  ", fields);
        }
        List<String> kept = new ArrayList<>(fields);
        while (!kept.isEmpty() && (head + "  " + String.join("  ", kept)).length() > width) {
            kept.remove(kept.size() - 1);
        }
        String text = head + (kept.isEmpty() ? "" : "  " + String.join("  ", kept));
        int barWidth = width - text.length() - 3;
        if (barWidth >= 10 && total > 0) {
            int bar = Math.min(barWidth, 40);
            int filled = (int) Math.min(bar, (long) bar * p.bytesSent() / total);
            text = "[" + "#".repeat(filled) + ".".repeat(bar - filled) + "] " + text;
        }
        return text.length() > width ? text.substring(0, width) : text;
    }

    /** @return h:mm:ss, or m:ss under an hour */
    static String clock(Duration d) {
        long s = Math.max(0, d.toSeconds());
        return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }
}
