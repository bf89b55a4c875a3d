/**
 * In-house DICOM Part-10 reader for uncompressed single-frame PET, and series → SUV volume.
 *
 * <h2>Why in-house</h2>
 * No DICOM library on Maven Central fits (size, licence, maintenance) and no system jar is used. PET import
 * needs a small, well-defined subset: uncompressed pixels plus a few dozen header attributes.
 *
 * <h2>Pieces</h2>
 * <ul>
 *   <li>{@link org.petal.ml.dicom.DicomTags}: the attributes read (tag, keyword, VR for Implicit VR).</li>
 *   <li>{@link org.petal.ml.dicom.TransferSyntax}: Implicit VR LE, Explicit VR LE, Explicit VR BE; all
 *       compressed or deflated syntaxes are refused by name with
 *       {@link org.petal.ml.io.UnsupportedImageException}.</li>
 *   <li>{@link org.petal.ml.dicom.DicomFileParser} → {@link org.petal.ml.dicom.DicomFile} /
 *       {@link org.petal.ml.dicom.DicomDataset}: walks every element, defined- and undefined-length
 *       sequences and items, so nested PixelData (icon image) never shadows the real one. Truncation and
 *       impossible lengths → {@link org.petal.ml.io.CorruptFileException}; no "DICM" marker →
 *       {@link org.petal.ml.dicom.NotDicomException} (files without preamble are not accepted).</li>
 *   <li>{@link org.petal.ml.dicom.PetSliceHeader}: geometry, pixel format, rescale and SUV fields of one
 *       slice, including the first RadiopharmaceuticalInformationSequence item and the Philips
 *       (7053,1000)/(7053,1009) and GE (0009,100D) private values, resolved through their private
 *       creators.</li>
 *   <li>{@link org.petal.ml.dicom.SliceStack}: sort along the slice normal, duplicate/gap detection,
 *       {@link org.petal.ml.volume.VolumeGeometry}.</li>
 *   <li>{@link org.petal.ml.dicom.DicomPetSeriesReader}: the series rules and SUV (see its Javadoc).</li>
 * </ul>
 *
 * <h2>Conventions</h2>
 * i runs along a row (Columns, direction = first three ImageOrientationPatient values), j down the columns
 * (Rows, last three values), k along the slice normal row × column in increasing position; spacing i/j come
 * from PixelSpacing[1]/[0]. The origin is ImagePositionPatient of the first slice (LPS mm). Values are
 * float32 (stored × RescaleSlope + RescaleIntercept) × the slice's SUVbw factor.
 *
 * <h2>Choices</h2>
 * <ul>
 *   <li>Non-DICOM files in a folder are skipped and reported as warnings (and logged); explicitly listed
 *       files must all be DICOM.</li>
 *   <li>Modality PT is required when Modality is present; the PET Image Storage SOP class is accepted only
 *       when Modality is absent (a CT-labelled file in a PET SOP class is contradictory and refused).</li>
 *   <li>Multi-frame (Enhanced PET), multi-sample pixels and sheared (gantry-tilted) stacks are refused as
 *       unsupported rather than guessed at.</li>
 *   <li>Each file is read twice (headers, then pixels) so only one file's bytes are held at a time beside
 *       the volume.</li>
 * </ul>
 */
package org.petal.ml.dicom;
