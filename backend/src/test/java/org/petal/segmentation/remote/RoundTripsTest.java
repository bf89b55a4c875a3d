package org.petal.segmentation.remote;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RoundTripsTest {

    @Test
    void theMedianAndP95AreNearestRanksOfTheRecentRoundTripsOnly() {
        RoundTrips r = new RoundTrips(20);
        assertThat(r.summary()).isEqualTo(new RoundTrips.Summary(null, null, 0));
        for (int i = 1; i <= 20; i++) {
            r.add(i);
        }
        assertThat(r.summary()).isEqualTo(new RoundTrips.Summary(10.0, 19.0, 20));
        for (int i = 0; i < 20; i++) {
            r.add(1000);  // the old ones roll out
        }
        assertThat(r.summary()).isEqualTo(new RoundTrips.Summary(1000.0, 1000.0, 20));
    }
}
