package org.petal.ml.importing;

import org.petal.ml.dicom.DicomPetSeriesReader.SuvPolicy;
import org.petal.ml.io.VoxelBudget;
import org.petal.ml.volume.PetUnit;

/**
 * How to import a case.
 *
 * @param budget         largest volume accepted, checked before reading voxels
 * @param niftiUnit      what a NIfTI's values mean, declared by the user; null to take Petal's own marker
 *                       in the header description, else {@link PetUnit#UNKNOWN} (NIfTI has no SUV fields)
 * @param dicomSuvPolicy whether a DICOM series without usable SUV tags is refused or imported as not-SUV
 */
public record ImportOptions(VoxelBudget budget, PetUnit niftiUnit, SuvPolicy dicomSuvPolicy) {

    public static ImportOptions defaults() {
        return new ImportOptions(VoxelBudget.DEFAULT, null, SuvPolicy.REQUIRE_SUV);
    }
}
