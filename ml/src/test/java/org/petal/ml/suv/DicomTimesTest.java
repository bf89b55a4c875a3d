package org.petal.ml.suv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class DicomTimesTest {

    @Test
    void a_time_fraction_with_leading_zeros_keeps_them() throws Exception {
        double whole = DicomTimes.seconds("20201023", "104830");
        assertThat(DicomTimes.seconds("20201023", "104830.051370") - whole).isCloseTo(0.05137, within(1e-6));
        assertThat(DicomTimes.seconds("20201023", "104830.5") - whole).isCloseTo(0.5, within(1e-6));
    }

    @Test
    void date_time_and_date_plus_time_agree() throws Exception {
        assertThat(DicomTimes.secondsOfDateTime("20201023095417.25"))
            .isCloseTo(DicomTimes.seconds("20201023", "095417.25"), within(1e-9));
    }
}
