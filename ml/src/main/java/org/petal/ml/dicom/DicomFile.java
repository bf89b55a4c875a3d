package org.petal.ml.dicom;

/**
 * A parsed Part-10 file: its file meta information (group 0002), transfer syntax and main dataset.
 *
 * @param name           the file name used in messages
 * @param transferSyntax how the main dataset is encoded
 * @param meta           the group 0002 elements
 * @param dataset        the main dataset (nested sequences, such as the icon image, are inside their items)
 * @param datasetOffset  byte offset where the main dataset starts (after the meta group)
 */
public record DicomFile(String name, TransferSyntax transferSyntax, DicomDataset meta, DicomDataset dataset, int datasetOffset) {
}
