package org.petal.ml.dicom;

import java.nio.file.Path;
import java.util.List;
import org.petal.ml.volume.PetVolume;

/**
 * The result of reading a PET series.
 *
 * @param volume   the voxels (SUVbw, or Bq/ml / unknown when SUV was allowed to be missing)
 * @param files    the slice files in stack order (k = 0 first)
 * @param warnings things the user should know that did not stop the import (skipped files, SUV not computed)
 */
public record DicomPetSeries(PetVolume volume, List<Path> files, List<String> warnings) {
}
