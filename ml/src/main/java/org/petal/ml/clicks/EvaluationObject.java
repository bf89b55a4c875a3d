package org.petal.ml.clicks;

import org.petal.ml.dataset.LabelKind;
import org.petal.ml.morph.BinaryMask;

/**
 * One object the evaluation segments: a whole organ label, or one connected lesion.
 *
 * @param labelValue value in the label volume
 * @param labelName  name from the label set
 * @param kind       organ or lesion
 * @param objectId   1..n within its label (always 1 for organs)
 * @param mask       the object's voxels, stored over its bounding box
 */
public record EvaluationObject(int labelValue, String labelName, LabelKind kind, int objectId, BinaryMask mask) {}
