package org.petal.ml.segment;

import org.petal.ml.dataset.LabelKind;
import org.petal.ml.volume.PetVolume;
import org.petal.ml.volume.VolumeGeometry;

/**
 * What an engine implements: foreground probabilities for one window (at most 128³) of one object.
 * The patch framework ({@code SlidingWindowPredictor}) chooses the windows, stitches them by averaging
 * and turns the result into the object's mask; engines never see the session or the undo history.
 *
 * <p>Implementations must be deterministic and must not throw for prompts that make no sense
 * (background, exclude-only): they return all-zero probabilities instead.
 */
public interface PatchModel {

    /** Engine name as used on the command line and in result files, e.g. {@code suv-grow}. */
    String name();

    /** Edge length of a window in voxels of the volume grid, for engines that work in that grid. */
    default int patchSize() {
        return 128;
    }

    /**
     * Window size in voxels of {@code g} along (i, j, k). Engines with their own grid (SegAnyPET: 128³ at
     * 1.5 mm) return the volume-grid extent of their patch; the default is {@link #patchSize()} on every axis.
     */
    default int[] windowSize(VolumeGeometry g) {
        return new int[] {patchSize(), patchSize(), patchSize()};
    }

    /**
     * Creates the per-object state the engine keeps between interactions (e.g. a threshold fixed by the
     * first click). Called once per object, before its first prediction.
     */
    default ObjectState newObject(PetVolume volume, LabelKind kind) {
        return ObjectState.NONE;
    }

    /** Foreground probabilities for every voxel of {@code request.window()}, in the box order of package-info. */
    float[] predict(PatchRequest request);

    /** Engine-owned state of one object; opaque to the framework. */
    interface ObjectState {
        ObjectState NONE = new ObjectState() { };
    }
}
