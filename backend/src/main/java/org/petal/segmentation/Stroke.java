package org.petal.segmentation;

import java.util.List;
import org.petal.ml.segment.Voxel;
import org.petal.ml.volume.VolumeGeometry;
import org.petal.system.Problems;

/**
 * A {@code brush} message checked against the protocol's limits and the case grid: a radius of
 * {@value Protocol#BRUSH_MIN_RADIUS_MM} to {@value Protocol#BRUSH_MAX_RADIUS_MM} mm, 1 to
 * {@value Protocol#BRUSH_MAX_POINTS} points, each inside the volume. A message outside them is refused
 * as a whole (INVALID), so nothing of it is painted.
 */
record Stroke(boolean erase, double radiusMm, List<Voxel> points) {

    static Stroke of(Message.Brush b, VolumeGeometry g) {
        if (!(b.radiusMm() >= Protocol.BRUSH_MIN_RADIUS_MM && b.radiusMm() <= Protocol.BRUSH_MAX_RADIUS_MM)) {
            throw new Problems.BadRequest("the brush radius must be " + Protocol.BRUSH_MIN_RADIUS_MM + " to "
                + Protocol.BRUSH_MAX_RADIUS_MM + " mm, not " + b.radiusMm());
        }
        if (b.points().isEmpty() || b.points().size() > Protocol.BRUSH_MAX_POINTS) {
            throw new Problems.BadRequest("a stroke has 1 to " + Protocol.BRUSH_MAX_POINTS + " points, not " + b.points().size());
        }
        List<Voxel> points = b.points().stream().map(Message.Index3::voxel).toList();
        for (Voxel p : points) {
            if (!g.contains(p.i(), p.j(), p.k())) {
                throw new Problems.BadRequest("the stroke point " + p + " is outside the volume " + g.nx() + "x" + g.ny() + "x" + g.nz());
            }
        }
        return new Stroke(b.erase(), b.radiusMm(), points);
    }

    /** The override it sets: {@link StrokeOverrides#ERASE} or {@link StrokeOverrides#PAINT}. */
    byte override() {
        return erase ? StrokeOverrides.ERASE : StrokeOverrides.PAINT;
    }

    Footprint footprint(VolumeGeometry g) {
        return BrushSweep.sweep(g, radiusMm, points);
    }
}
