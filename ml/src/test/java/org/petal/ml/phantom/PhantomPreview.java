package org.petal.ml.phantom;

import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import javax.imageio.ImageIO;
import org.petal.ml.volume.VolumeGeometry;

/**
 * Dev-only eyeball check: writes coronal and sagittal maximum-intensity projections of a phantom PET,
 * and a coronal label slice, as PNGs (inverted grey, SUV 0–{@value #WINDOW_SUV} as is usual for MIPs).
 *
 * <p>Usage: {@code java ... PhantomPreview [seed] [caseIndex] [voxelMm] [outDir]}; default output /tmp.
 */
public final class PhantomPreview {

    static final double WINDOW_SUV = 8;

    public static void main(String[] args) throws IOException {
        long seed = args.length > 0 ? Long.parseLong(args[0]) : 42;
        int index = args.length > 1 ? Integer.parseInt(args[1]) : 0;
        double mm = args.length > 2 ? Double.parseDouble(args[2]) : 4.0;
        File dir = new File(args.length > 3 ? args[3] : "/tmp");
        long t0 = System.nanoTime();
        PhantomCase c = PhantomGenerator.generate(new PhantomSpec(seed, index, mm, true, true));
        long ms = (System.nanoTime() - t0) / 1_000_000;
        System.out.println(c.caseId() + " " + c.pet().geometry() + " generated in " + ms + " ms, lesions:");
        c.lesions().forEach(l -> System.out.println("  " + l));
        System.out.println("  truth organ SUV " + c.truth().organSuv() + " psf " + c.truth().psfFwhmMm());
        String stem = "phantom-" + seed + "-" + index + "-" + mm;
        File out = new File(dir, stem + ".png");
        ImageIO.write(sideBySide(3, mip(c, true), mip(c, false), labelSlice(c)), "png", out);
        System.out.println("wrote " + out);
    }

    /** Panels next to each other, each enlarged {@code scale} times (nearest neighbour), 4 px apart. */
    static BufferedImage sideBySide(int scale, BufferedImage... panels) {
        int w = 0, h = 0;
        for (BufferedImage p : panels) {
            w += p.getWidth() * scale + 4;
            h = Math.max(h, p.getHeight() * scale);
        }
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
        int x0 = 0;
        for (BufferedImage p : panels) {
            for (int y = 0; y < p.getHeight() * scale; y++) {
                for (int x = 0; x < p.getWidth() * scale; x++) {
                    img.getRaster().setSample(x0 + x, y, 0, p.getRaster().getSample(x / scale, y / scale, 0));
                }
            }
            x0 += p.getWidth() * scale + 4;
        }
        return img;
    }

    /** Coronal (project along y, patient's right on the viewer's left) or sagittal (project along x) MIP. */
    static BufferedImage mip(PhantomCase c, boolean coronal) {
        VolumeGeometry g = c.pet().geometry();
        float[] v = c.pet().voxels();
        int w = coronal ? g.nx() : g.ny();
        BufferedImage img = new BufferedImage(w, g.nz(), BufferedImage.TYPE_BYTE_GRAY);
        for (int k = 0; k < g.nz(); k++) {
            for (int a = 0; a < w; a++) {
                float max = 0;
                int depth = coronal ? g.ny() : g.nx();
                for (int b = 0; b < depth; b++) {
                    int idx = coronal ? g.index(a, b, k) : g.index(b, a, k);
                    max = Math.max(max, v[idx]);
                }
                int grey = 255 - (int) Math.min(255, max / WINDOW_SUV * 255);
                img.getRaster().setSample(a, g.nz() - 1 - k, 0, grey);
            }
        }
        return img;
    }

    /** The coronal label slice through the spine (j at y = 30 mm), label value × 20 as grey. */
    static BufferedImage labelSlice(PhantomCase c) {
        VolumeGeometry g = c.labels().geometry();
        int j = (int) Math.round(g.lpsToVoxel(0, 30, 0)[1]);
        BufferedImage img = new BufferedImage(g.nx(), g.nz(), BufferedImage.TYPE_BYTE_GRAY);
        for (int k = 0; k < g.nz(); k++) {
            for (int i = 0; i < g.nx(); i++) {
                int label = c.labels().get(i, j, k);
                int grey = label == 0 ? (c.truth().body().get(g.index(i, j, k)) ? 30 : 0) : Math.min(255, 40 + label * 19);
                img.getRaster().setSample(i, g.nz() - 1 - k, 0, grey);
            }
        }
        return img;
    }
}
