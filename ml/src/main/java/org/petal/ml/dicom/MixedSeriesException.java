package org.petal.ml.dicom;

import org.petal.ml.io.InvalidImageException;

/** The files do not form one image series: several SeriesInstanceUIDs, or slices whose size, pixel spacing or orientation differ. The message says which files and where. */
public class MixedSeriesException extends InvalidImageException {
    public MixedSeriesException(String message) {
        super(message);
    }
}
