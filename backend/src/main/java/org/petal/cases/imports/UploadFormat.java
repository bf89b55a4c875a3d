package org.petal.cases.imports;

import java.util.Locale;
import org.petal.system.Problems;

/** What an upload is, told by its file name: the importer needs the NIfTI extensions to recognise NIfTI. */
enum UploadFormat {
    NIFTI(".nii"), NIFTI_GZ(".nii.gz"), DICOM_ZIP(".zip");

    private final String extension;

    UploadFormat(String extension) {
        this.extension = extension;
    }

    static UploadFormat of(String fileName) {
        String lower = fileName.toLowerCase(Locale.ROOT);
        // .nii.gz before .nii: the longer extension decides.
        for (UploadFormat f : new UploadFormat[] {NIFTI_GZ, NIFTI, DICOM_ZIP}) {
            if (lower.endsWith(f.extension) && lower.length() > f.extension.length()) {
                return f;
            }
        }
        throw new Problems.BadRequest("'" + fileName + "' is neither a NIfTI file (.nii, .nii.gz) nor a zip of a"
            + " DICOM PET series (.zip)");
    }

    boolean isNifti() {
        return this != DICOM_ZIP;
    }

    /** The file name without this format's extension. */
    String stem(String fileName) {
        return fileName.substring(0, fileName.length() - extension.length());
    }

    String extension() {
        return extension;
    }
}
