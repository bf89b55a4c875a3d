package org.petal.ml.render;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.petal.ml.io.AtomicFiles;
import org.petal.ml.store.SliceImage;

/**
 * Renders a slice or MIP to a PNG the way PET readers look at MIPs: inverted grey scale (hot is black),
 * square pixels (nearest-neighbour resampling to the finer spacing), and optionally flipped so the head
 * is at the top.
 */
public final class SlicePng {

    private SlicePng() {}

    /**
     * @param windowMax value shown as black (e.g. SUV 10); 0 and below are white
     * @param flipVertical true to put row {@code height-1} at the top (k increasing towards the head)
     * @param flipHorizontal true to put column {@code width-1} at the left (radiological display puts the
     *                       patient's right on the viewer's left)
     */
    public static BufferedImage render(SliceImage slice, float windowMax, boolean flipVertical, boolean flipHorizontal) {
        double pixel = Math.min(slice.spacingUMm(), slice.spacingVMm());
        int width = Math.max(1, (int) Math.round(slice.width() * slice.spacingUMm() / pixel));
        int height = Math.max(1, (int) Math.round(slice.height() * slice.spacingVMm() / pixel));
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < height; y++) {
            int v = Math.min(slice.height() - 1, (int) (y * pixel / slice.spacingVMm()));
            if (flipVertical) {
                v = slice.height() - 1 - v;
            }
            for (int x = 0; x < width; x++) {
                int u = Math.min(slice.width() - 1, (int) (x * pixel / slice.spacingUMm()));
                if (flipHorizontal) {
                    u = slice.width() - 1 - u;
                }
                float level = slice.get(u, v) / windowMax;
                int grey = 255 - (int) (255 * Math.max(0f, Math.min(1f, level)));
                image.getRaster().setSample(x, y, 0, grey);
            }
        }
        return image;
    }

    public static void write(SliceImage slice, float windowMax, boolean flipVertical, boolean flipHorizontal, Path png)
        throws IOException {
        AtomicFiles.write(png, tmp -> {
            if (!ImageIO.write(render(slice, windowMax, flipVertical, flipHorizontal), "png", tmp.toFile())) {
                throw new IOException("no PNG writer available");
            }
        });
    }
}
