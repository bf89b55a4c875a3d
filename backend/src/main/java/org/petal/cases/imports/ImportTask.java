package org.petal.cases.imports;

import java.nio.file.Path;
import org.petal.ml.volume.PetUnit;
import org.petal.users.Actor;

/**
 * What a worker needs to run one job, fixed when the lead submitted it (their rights were checked then).
 *
 * @param niftiUnit the unit the lead declared for a NIfTI, or null (Petal's own marker, else unknown)
 * @param upload    the received file in the job's folder
 */
record ImportTask(long jobId, Actor lead, long projectId, String caseKey, PetUnit niftiUnit, UploadFormat format,
                  Path upload, String sha256) {}
