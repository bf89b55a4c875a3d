package org.petal.ml.clicks;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.petal.ml.dataset.LabelKind;
import org.petal.ml.dataset.LabelSet;
import org.petal.ml.morph.BinaryMask;
import org.petal.ml.morph.Components;
import org.petal.ml.morph.ConnectedComponents;
import org.petal.ml.morph.Connectivity;
import org.petal.ml.volume.LabelVolume;

/**
 * Splits a ground-truth label volume into the objects an evaluation prompts one at a time: each ORGAN label is
 * one object (all its voxels, even if disconnected); each 26-connected component of a LESION label is its own
 * object. Order: ascending label value, then component order (first voxel in raster order). Labels without
 * voxels give no object.
 */
public final class EvaluationObjects {

    private EvaluationObjects() {}

    public static List<EvaluationObject> of(LabelVolume gt, LabelSet labels) {
        List<EvaluationObject> out = new ArrayList<>();
        for (Map.Entry<Integer, String> e : labels.names().entrySet()) {
            int value = e.getKey();
            String name = e.getValue();
            LabelKind kind = labels.kind(name).orElseThrow();
            BinaryMask all = BinaryMask.fromLabel(gt, value);
            if (all.isEmpty()) {
                continue;
            }
            if (kind == LabelKind.ORGAN) {
                out.add(new EvaluationObject(value, name, kind, 1, all));
                continue;
            }
            Components cc = ConnectedComponents.of(all, Connectivity.TWENTY_SIX);
            for (int c = 1; c <= cc.count(); c++) {
                out.add(new EvaluationObject(value, name, kind, c, cc.mask(c)));
            }
        }
        return List.copyOf(out);
    }
}
