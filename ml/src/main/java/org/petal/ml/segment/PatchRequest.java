package org.petal.ml.segment;

import java.util.List;
import org.petal.ml.dataset.LabelKind;
import org.petal.ml.volume.PetVolume;

/**
 * Input for one window prediction.
 *
 * @param volume   the whole PET volume (SUV); the engine should read only inside {@code window}, or a
 *                 small margin around it
 * @param window   the window to predict, inside the volume (at most patchSize³)
 * @param kind     organ or lesion: engines may choose their strategy by it
 * @param prompts  all clicks of the object so far, oldest first, in volume coordinates (some may lie
 *                 outside the window)
 * @param previous the object's mask before this interaction as 0/1 over {@code window} (all zero for the
 *                 first click): SAM-style engines feed it back as the mask prompt
 * @param stitched this interaction's probabilities already predicted by earlier windows, over
 *                 {@code window}; {@code NaN} where no earlier window reached. Lets a neighbour window
 *                 continue what the first window found at their shared face
 * @param state    the object's engine state from {@link PatchModel#newObject}
 */
public record PatchRequest(PetVolume volume, Box window, LabelKind kind, List<PointPrompt> prompts,
                           float[] previous, float[] stitched, PatchModel.ObjectState state) {
}
