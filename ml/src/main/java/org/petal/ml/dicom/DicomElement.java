package org.petal.ml.dicom;

import java.util.List;

/**
 * One parsed data element. The value is not copied: it is {@code length} bytes at {@code valueOffset} of the
 * file buffer held by the owning {@link DicomDataset}.
 *
 * @param tag         {@code (group << 16) | element}
 * @param vr          the VR as written (Explicit VR) or from {@link DicomTags} (Implicit VR); null when unknown
 * @param valueOffset offset of the value in the file buffer
 * @param length      value length in bytes; -1 for undefined length (sequences, encapsulated data)
 * @param items       the items of a sequence, otherwise empty
 */
public record DicomElement(int tag, String vr, int valueOffset, int length, List<DicomDataset> items) {
}
