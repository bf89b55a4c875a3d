package org.petal.ml.phantom;

import java.util.List;
import org.petal.ml.dataset.LabelSet;
import org.petal.ml.volume.LabelVolume;
import org.petal.ml.volume.PetVolume;

/**
 * A generated case.
 *
 * @param caseId   e.g. {@code phantom_0003}
 * @param pet      blurred, noisy SUVbw image ({@link org.petal.ml.volume.PetUnit#SUV_BW})
 * @param labels   unblurred ground-truth labels, values from {@link PhantomLabel}
 * @param labelSet {@link PhantomLabel#LABEL_SET}
 * @param lesions  the lesions, in placement order
 * @param truth    ground-truth activity, body mask and imaging parameters
 */
public record PhantomCase(String caseId, PetVolume pet, LabelVolume labels, LabelSet labelSet, List<PhantomLesion> lesions,
                          PhantomTruth truth) {

    public PhantomCase {
        lesions = List.copyOf(lesions);
    }
}
