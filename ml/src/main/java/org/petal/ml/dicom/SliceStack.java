package org.petal.ml.dicom;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.petal.ml.io.InvalidImageException;
import org.petal.ml.io.UnsupportedImageException;
import org.petal.ml.volume.VolumeGeometry;

/**
 * Orders the slices of one series along the slice normal and checks that they form an even stack.
 *
 * <p>Position of a slice = ImagePositionPatient · n, with n = row direction × column direction (the first
 * three ImageOrientationPatient values × the last three). Slices are sorted by increasing position, so the k
 * axis points along n and the direction matrix stays right-handed. Filenames and InstanceNumber are never
 * trusted for order.
 *
 * <p>Two slices closer than {@link #DUPLICATE_MM} are duplicates. A step differing from the median step by
 * more than {@link #STEP_TOLERANCE} (10 %) means missing slices or uneven spacing. Both are refused with
 * {@link MissingSlicesException} rather than resampled, because a silently stretched volume would move
 * lesions. The k spacing is the measured mean step, not SliceThickness (which may differ from the step
 * when slices overlap); a single slice uses SliceThickness, or 1 mm when that is absent.
 *
 * @param slices   the slices in stack order (k = 0 first)
 * @param geometry the grid: i along rows' direction (columns index), j along the column direction, k along n
 */
public record SliceStack(List<PetSliceHeader> slices, VolumeGeometry geometry) {

    static final double DUPLICATE_MM = 1e-3;
    static final double STEP_TOLERANCE = 0.10;

    /** Sorts and validates; the headers must already agree on size, spacing and orientation. */
    public static SliceStack of(List<PetSliceHeader> headers) throws InvalidImageException {
        PetSliceHeader first = headers.get(0);
        double[] o = first.imageOrientation();
        double[] row = normalise(new double[] {o[0], o[1], o[2]});
        double[] col = normalise(new double[] {o[3], o[4], o[5]});
        double[] normal = normalise(cross(row, col));

        record Positioned(PetSliceHeader header, double position) {}
        List<Positioned> sorted = new ArrayList<>();
        for (PetSliceHeader h : headers) {
            sorted.add(new Positioned(h, dot(h.imagePosition(), normal)));
        }
        sorted.sort(Comparator.comparingDouble(Positioned::position));
        int n = sorted.size();

        for (int k = 1; k < n; k++) {
            if (sorted.get(k).position() - sorted.get(k - 1).position() < DUPLICATE_MM) {
                throw new MissingSlicesException("two slices lie at the same position " + round(sorted.get(k).position())
                    + " mm along the slice normal: " + sorted.get(k - 1).header().file().getFileName() + " and "
                    + sorted.get(k).header().file().getFileName() + " (duplicate file, or two reconstructions in one folder)");
            }
        }
        double step;
        if (n == 1) {
            Double thickness = first.sliceThickness();
            step = thickness != null && thickness > 0 ? thickness : 1.0;
        } else {
            double[] steps = new double[n - 1];
            for (int k = 1; k < n; k++) {
                steps[k - 1] = sorted.get(k).position() - sorted.get(k - 1).position();
            }
            double median = median(steps);
            for (int k = 1; k < n; k++) {
                double s = steps[k - 1];
                if (Math.abs(s - median) > STEP_TOLERANCE * median) {
                    long missing = Math.round(s / median) - 1;
                    throw new MissingSlicesException("uneven slice spacing between slice " + (k - 1) + " at " + round(sorted.get(k - 1).position())
                        + " mm (" + sorted.get(k - 1).header().file().getFileName() + ") and slice " + k + " at "
                        + round(sorted.get(k).position()) + " mm (" + sorted.get(k).header().file().getFileName() + "): step "
                        + round(s) + " mm where the series steps " + round(median) + " mm"
                        + (missing >= 1 ? " — about " + missing + " slice(s) missing" : ""));
                }
            }
            step = (sorted.get(n - 1).position() - sorted.get(0).position()) / (n - 1);
        }

        // Every slice must sit on the normal through the first one; otherwise the stack is sheared (gantry tilt).
        double[] origin = sorted.get(0).header().imagePosition();
        double tolerance = 0.05 + 0.01 * Math.min(first.pixelSpacing()[0], first.pixelSpacing()[1]);
        for (Positioned p : sorted) {
            double[] delta = minus(p.header().imagePosition(), origin);
            if (Math.abs(dot(delta, row)) > tolerance || Math.abs(dot(delta, col)) > tolerance) {
                throw new UnsupportedImageException("slice " + p.header().file().getFileName() + " is shifted in-plane by ("
                    + round(dot(delta, row)) + ", " + round(dot(delta, col)) + ") mm relative to the first slice: sheared stacks "
                    + "(gantry tilt) are not supported");
            }
        }

        double[] direction = {
            row[0], col[0], normal[0],
            row[1], col[1], normal[1],
            row[2], col[2], normal[2],
        };
        // PixelSpacing is [between rows (along j), between columns (along i)].
        double[] spacing = {first.pixelSpacing()[1], first.pixelSpacing()[0], step};
        VolumeGeometry geometry = new VolumeGeometry(first.columns(), first.rows(), n, spacing, origin, direction);
        List<PetSliceHeader> ordered = sorted.stream().map(Positioned::header).toList();
        return new SliceStack(ordered, geometry);
    }

    private static double median(double[] values) {
        double[] v = values.clone();
        Arrays.sort(v);
        int m = v.length / 2;
        return v.length % 2 == 1 ? v[m] : (v[m - 1] + v[m]) / 2;
    }

    private static String round(double mm) {
        return String.format(java.util.Locale.ROOT, "%.3f", mm);
    }

    private static double[] cross(double[] a, double[] b) {
        return new double[] {a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]};
    }

    private static double dot(double[] a, double[] b) {
        return a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
    }

    private static double[] minus(double[] a, double[] b) {
        return new double[] {a[0] - b[0], a[1] - b[1], a[2] - b[2]};
    }

    private static double[] normalise(double[] v) throws InvalidImageException {
        double len = Math.sqrt(dot(v, v));
        if (!(len > 1e-6)) {
            throw new org.petal.ml.io.CorruptFileException("ImageOrientationPatient (0020,0037) does not hold two independent "
                + "direction vectors: the slices cannot be placed in space");
        }
        return new double[] {v[0] / len, v[1] / len, v[2] / len};
    }
}
