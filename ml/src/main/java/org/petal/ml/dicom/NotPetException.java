package org.petal.ml.dicom;

import org.petal.ml.io.InvalidImageException;

/** A DICOM file is not a PET image: Modality (0008,0060) is not PT (or, when Modality is absent, the SOP class is not PET Image Storage). The message says which files and where. */
public class NotPetException extends InvalidImageException {
    public NotPetException(String message) {
        super(message);
    }
}
