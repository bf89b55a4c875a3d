package org.petal.ml.phantom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class GaussianPsfTest {

    @Test
    void the_kernel_is_normalised_symmetric_and_has_the_requested_width() {
        float[] w = GaussianPsf.kernel(2.0);
        double sum = 0, var = 0;
        int r = w.length / 2;
        for (int t = -r; t <= r; t++) {
            sum += w[t + r];
            var += w[t + r] * t * t;
            assertThat(w[t + r]).isEqualTo(w[r - t]);
        }
        assertThat(sum).isCloseTo(1.0, within(1e-6));
        // Integrating over voxels adds the 1/12 variance of a box; truncation at 3.5 sigma removes a little.
        assertThat(var).isCloseTo(4.0 + 1.0 / 12, within(0.03));
    }

    @Test
    void blurring_a_point_spreads_it_but_keeps_its_total_activity() {
        int n = 21;
        float[] in = new float[n * n * n];
        int centre = 10 + n * (10 + n * 10);
        in[centre] = 1000f;
        float[] out = GaussianPsf.blur(in, n, n, n, 2.0, 6.0);
        double total = 0;
        for (float v : out) {
            total += v;
        }
        assertThat(total).isCloseTo(1000, within(0.1));
        assertThat(out[centre]).isLessThan(1000f * 0.1f);
        assertThat(out[centre + 1]).isEqualTo(out[centre - 1]).isEqualTo(out[centre + n]).isEqualTo(out[centre + n * n]);
    }

    @Test
    void erf_matches_known_values() {
        assertThat(GaussianPsf.erf(0)).isCloseTo(0, within(1e-7));
        assertThat(GaussianPsf.erf(1)).isCloseTo(0.8427007929, within(2e-7));
        assertThat(GaussianPsf.erf(-0.5)).isCloseTo(-0.5204998778, within(2e-7));
    }
}
