package org.petal.ml.segment.segany;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.petal.ml.segment.PatchModel;

/**
 * Per object: for every crop, the click steps already decoded and their low-res logits. SegAnyPET feeds
 * each step's logits into the next (spec §4.1), so the mask after N clicks depends on the whole sequence;
 * keeping the steps makes a new click one decoder pass, and undo (a shorter sequence) a lookup — the
 * result stays a function of the clicks alone, as the session's undo/redo requires.
 */
final class SegAnyState implements PatchModel.ObjectState {

    private record CropKey(int i, int j, int k) {}

    private record Step(CropClick click, float[] logits) {}

    private final Map<CropKey, List<Step>> steps = new HashMap<>();

    /**
     * Logits after the last of {@code clicks}; steps are reused while they match the sequence, and
     * {@code decode(prefix, previousLogits)} computes the rest.
     */
    synchronized float[] logits(int[] cropStart, List<CropClick> clicks,
                                BiFunction<List<CropClick>, float[], float[]> decode) {
        List<Step> known = steps.computeIfAbsent(new CropKey(cropStart[0], cropStart[1], cropStart[2]), k -> new ArrayList<>());
        int same = 0;
        while (same < known.size() && same < clicks.size() && known.get(same).click().equals(clicks.get(same))) {
            same++;
        }
        known.subList(same, known.size()).clear();
        float[] previous = same == 0 ? null : known.get(same - 1).logits();
        for (int n = same; n < clicks.size(); n++) {
            previous = decode.apply(List.copyOf(clicks.subList(0, n + 1)), previous);
            known.add(new Step(clicks.get(n), previous));
        }
        return previous;
    }
}
