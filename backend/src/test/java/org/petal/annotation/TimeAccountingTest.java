package org.petal.annotation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TimeAccountingTest {

    private static final Duration IDLE = Duration.ofSeconds(60);
    private static final Instant T0 = Instant.parse("2026-11-25T09:00:00Z");

    private final List<InteractionEvent> events = new ArrayList<>();

    private TimeAccountingTest at(long session, double seconds, EventType type, Integer label, Double latency) {
        events.add(new InteractionEvent(7, session, 3, type, label, T0.plusMillis((long) (seconds * 1000)), "suv-grow",
            latency, null));
        return this;
    }

    private TimeAccounting.TimeSummary summary() {
        return TimeAccounting.summarise(7, events, IDLE);
    }

    @Test
    void activeTimeSumsTheGapsBetweenActionsAndSkipsAGapLongerThanTheIdleThreshold() {
        at(1, 0, EventType.OPEN, null, null).at(1, 10, EventType.CLICK_INCLUDE, 2, 30.0)
            .at(1, 25, EventType.CLICK_EXCLUDE, 2, 50.0)
            .at(1, 25 + 300, EventType.UNDO, 2, null)   // five minutes away: idle
            .at(1, 330, EventType.ACCEPT, null, null);
        var s = summary();
        assertThat(s.wallSeconds()).isCloseTo(330, within(1e-9));
        assertThat(s.activeSeconds()).isCloseTo(10 + 15 + 5, within(1e-9));
        assertThat(s.clicks()).isEqualTo(2);
        assertThat(s.undos()).isEqualTo(1);
    }

    @Test
    void aGapExactlyAtTheThresholdIsStillActive() {
        at(1, 0, EventType.OPEN, null, null).at(1, 60, EventType.BRUSH, 1, null);
        assertThat(summary().activeSeconds()).isCloseTo(60, within(1e-9));
    }

    @Test
    void timeBetweenTwoSittingsCountsNeitherAsWallNorAsActiveTime() {
        at(1, 0, EventType.OPEN, null, null).at(1, 20, EventType.CLICK_INCLUDE, 2, 40.0).at(1, 30, EventType.CLOSE, null, null)
            .at(2, 3600, EventType.OPEN, null, null).at(2, 3605, EventType.BRUSH, 1, null).at(2, 3615, EventType.CLOSE, null, null);
        var s = summary();
        assertThat(s.wallSeconds()).isCloseTo(30 + 15, within(1e-9));
        assertThat(s.activeSeconds()).isCloseTo(30 + 15, within(1e-9));
        assertThat(s.brushStrokes()).isEqualTo(1);
    }

    @Test
    void eachActiveGapBelongsToTheLabelOfTheActionThatEndsIt() {
        at(1, 0, EventType.OPEN, null, null).at(1, 10, EventType.CLICK_INCLUDE, 2, 20.0)
            .at(1, 14, EventType.CLICK_INCLUDE, 1, 60.0).at(1, 20, EventType.SUBMIT, null, null);
        var byLabel = summary().activeSecondsByLabel();
        assertThat(byLabel.get(2)).isCloseTo(10, within(1e-9));
        assertThat(byLabel.get(1)).isCloseTo(4, within(1e-9));
        assertThat(byLabel.get(TimeAccounting.WHOLE_CASE)).isCloseTo(6, within(1e-9));
    }

    @Test
    void engineLatencyIsSummarisedOverTheClicksThatReportedIt() {
        at(1, 0, EventType.OPEN, null, null);
        for (int n = 1; n <= 20; n++) {
            at(1, n, EventType.CLICK_INCLUDE, 2, (double) n * 10);
        }
        var s = summary();
        assertThat(s.latencyMeanMs()).isCloseTo(105, within(1e-9));
        assertThat(s.latencyP95Ms()).isEqualTo(190.0);
    }

    @Test
    void noEventsGiveZeroTimeAndNoLatency() {
        var s = summary();
        assertThat(s.wallSeconds()).isZero();
        assertThat(s.activeSeconds()).isZero();
        assertThat(s.latencyMeanMs()).isNull();
    }
}
