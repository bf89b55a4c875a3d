package org.petal.ml.eval;

import java.io.PrintStream;

/**
 * A one-line terminal progress bar with rate and remaining time, redrawn in place with a carriage return.
 * When the output is not a terminal (CI logs) it prints a plain line every 10%, so logs stay short.
 */
final class ProgressLine {

    private final PrintStream out;
    private final String task;
    private final long total;
    private final boolean interactive;
    private final long start = System.nanoTime();
    private long done;
    private int lastDecile = -1;

    ProgressLine(PrintStream out, String task, long total) {
        this.out = out;
        this.task = task;
        this.total = Math.max(1, total);
        this.interactive = System.console() != null;
    }

    synchronized void step(String detail) {
        done++;
        double fraction = (double) done / total;
        double elapsed = (System.nanoTime() - start) / 1e9;
        double remaining = done == 0 ? 0 : elapsed / done * (total - done);
        if (interactive) {
            int width = 30;
            int filled = (int) Math.round(fraction * width);
            out.printf("\r%s [%s%s] %d/%d %3.0f%%  %s elapsed, ~%s left  %-24.24s", task, "#".repeat(filled),
                ".".repeat(width - filled), done, total, 100 * fraction, clock(elapsed), clock(remaining), detail);
            if (done == total) {
                out.println();
            }
        } else if ((int) (fraction * 10) != lastDecile || done == total) {
            lastDecile = (int) (fraction * 10);
            out.printf("%s %d/%d (%.0f%%), %s elapsed, ~%s left%n", task, done, total, 100 * fraction, clock(elapsed), clock(remaining));
        }
        out.flush();
    }

    private static String clock(double seconds) {
        long s = Math.round(seconds);
        return String.format("%d:%02d", s / 60, s % 60);
    }
}
