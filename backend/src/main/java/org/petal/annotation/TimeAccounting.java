package org.petal.annotation;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Turns an assignment's recorded events into time figures. The idle policy, stated once:
 * <ul>
 *   <li><b>wall time</b> is, per annotation session, the span from its first to its last event, summed
 *       over sessions (time between sessions is not counted);</li>
 *   <li><b>active time</b> sums the gaps between consecutive events of a session that are at most the idle
 *       threshold; a longer gap counts as zero (the annotator was away, not slow);</li>
 *   <li>an active gap belongs to the label of the event that ends it (the work led up to that action);
 *       events without a label (open, submit, close) book their gaps under the case as a whole.</li>
 * </ul>
 * Pure and deterministic: the same events give the same figures.
 */
public final class TimeAccounting {

    /** Label key for time not spent on a particular label. */
    public static final int WHOLE_CASE = 0;

    private TimeAccounting() {}

    /**
     * @param events one assignment's events in time order
     */
    public static TimeSummary summarise(long assignmentId, List<InteractionEvent> events, Duration idleThreshold) {
        double wall = 0;
        double active = 0;
        Map<Integer, Double> byLabel = new TreeMap<>();
        int clicks = 0;
        int brush = 0;
        int undos = 0;
        int redos = 0;
        List<Double> latencies = new ArrayList<>();
        double idleMs = idleThreshold.toMillis();
        InteractionEvent sessionStart = null;
        InteractionEvent previous = null;
        for (InteractionEvent e : events) {
            boolean newSession = previous == null || !Objects.equals(previous.getSessionId(), e.getSessionId());
            if (newSession) {
                if (previous != null) {
                    wall += millis(sessionStart, previous);
                }
                sessionStart = e;
            } else {
                double gap = millis(previous, e);
                if (gap <= idleMs) {
                    active += gap;
                    int label = e.getLabelValue() == null ? WHOLE_CASE : e.getLabelValue();
                    byLabel.merge(label, gap / 1000.0, Double::sum);
                }
            }
            switch (e.getType()) {
                case CLICK_INCLUDE, CLICK_EXCLUDE -> clicks++;
                case BRUSH, ERASE -> brush++;
                case UNDO -> undos++;
                case REDO -> redos++;
                default -> { }
            }
            if (e.getLatencyMs() != null) {
                latencies.add(e.getLatencyMs());
            }
            previous = e;
        }
        if (previous != null) {
            wall += millis(sessionStart, previous);
        }
        double[] sorted = latencies.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return new TimeSummary(assignmentId, wall / 1000.0, active / 1000.0, byLabel, clicks, brush, undos, redos,
            sorted.length == 0 ? null : Arrays.stream(sorted).average().orElseThrow(),
            sorted.length == 0 ? null : percentile(sorted, 0.95), events.size());
    }

    private static double millis(InteractionEvent from, InteractionEvent to) {
        return Duration.between(from.getAt(), to.getAt()).toNanos() / 1e6;
    }

    /** Nearest-rank percentile of sorted values. */
    static double percentile(double[] sorted, double p) {
        int rank = (int) Math.ceil(p * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    /**
     * Time figures of one assignment; seconds.
     *
     * @param activeSecondsByLabel active time per label value ({@link #WHOLE_CASE} for case-level actions)
     * @param latencyMeanMs        mean engine latency of the recorded clicks, null without clicks
     * @param latencyP95Ms         95th percentile (nearest rank) of the same
     */
    public record TimeSummary(long assignmentId, double wallSeconds, double activeSeconds,
                              Map<Integer, Double> activeSecondsByLabel, int clicks, int brushStrokes, int undos,
                              int redos, Double latencyMeanMs, Double latencyP95Ms, int events) {}
}
