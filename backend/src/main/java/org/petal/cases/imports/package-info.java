/**
 * Importing a NIfTI file or a zipped DICOM PET series as a new case: the upload is received and checksummed
 * in the request, the import itself runs as a background job whose state and progress clients poll.
 */
package org.petal.cases.imports;
