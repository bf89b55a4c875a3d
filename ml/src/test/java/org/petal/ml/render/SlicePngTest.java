package org.petal.ml.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;
import org.petal.ml.store.SliceImage;

class SlicePngTest {

    /** 2 columns × 3 rows, 2 mm × 4 mm pixels; only the top-left voxel (u=0, v=2 once flipped) is hot. */
    private final SliceImage slice = new SliceImage(2, 3, new float[] {0, 0, 0, 0, 12, 5}, 2.0, 4.0);

    @Test
    void hot_is_black_cold_is_white_and_half_window_is_mid_grey() {
        BufferedImage image = SlicePng.render(slice, 10f, false, false);
        assertThat(grey(image, 0, 0)).isEqualTo(255);
        assertThat(grey(image, 0, 4)).isEqualTo(0);
        assertThat(grey(image, 1, 4)).isBetween(126, 129);
    }

    @Test
    void pixels_become_square_at_the_finer_spacing() {
        BufferedImage image = SlicePng.render(slice, 10f, false, false);
        assertThat(image.getWidth()).isEqualTo(2);
        assertThat(image.getHeight()).isEqualTo(6);
    }

    @Test
    void flipping_puts_the_last_row_on_top_and_the_last_column_on_the_left() {
        BufferedImage image = SlicePng.render(slice, 10f, true, true);
        assertThat(grey(image, 1, 0)).isEqualTo(0);
        assertThat(grey(image, 0, 0)).isBetween(126, 129);
        assertThat(grey(image, 0, 5)).isEqualTo(255);
    }

    private static int grey(BufferedImage image, int x, int y) {
        return image.getRaster().getSample(x, y, 0);
    }
}
