package org.petal.ml.dataset;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * One row of {@code cases.csv}: a PET volume, its label volume and optionally a CT, as absolute normalised
 * paths (resolved against the dataset directory when read).
 *
 * @param caseId unique, non-blank identifier within the dataset
 * @param pet    PET image (e.g. NIfTI in SUVbw)
 * @param label  label image on the PET grid, values as in the dataset's {@link LabelSet}
 * @param ct     CT image, if the dataset has one for this case
 */
public record DatasetCase(String caseId, Path pet, Path label, Optional<Path> ct) {

    public DatasetCase {
        Objects.requireNonNull(caseId, "caseId");
        Objects.requireNonNull(pet, "pet");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(ct, "ct");
        if (caseId.isBlank()) {
            throw new IllegalArgumentException("case id must not be blank");
        }
    }

    public DatasetCase(String caseId, Path pet, Path label) {
        this(caseId, pet, label, Optional.empty());
    }
}
