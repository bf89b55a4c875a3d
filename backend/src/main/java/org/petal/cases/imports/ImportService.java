package org.petal.cases.imports;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.RejectedExecutionException;
import java.util.regex.Pattern;
import org.petal.ml.volume.PetUnit;
import org.petal.projects.ProjectService;
import org.petal.system.Problems;
import org.petal.users.Actor;
import org.petal.users.Role;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.web.server.ResponseStatusException;

/**
 * Leads import cases: {@link #submit} validates the request, receives the upload and queues a job; the
 * job runs in the background ({@link ImportRunner}) and is read with {@link #get}. Not transactional on
 * purpose: receiving a large upload must not hold a database transaction open.
 */
@Service
public class ImportService {

    /** Case keys appear in file names, URLs and exports: keep them to a portable alphabet. */
    static final Pattern CASE_KEY = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");

    private final ProjectService projects;
    private final ImportJobs jobs;
    private final ImportRunner runner;
    private final Uploads uploads;
    private final ImportProperties settings;

    ImportService(ProjectService projects, ImportJobs jobs, ImportRunner runner, Uploads uploads,
                  ImportProperties settings) {
        this.projects = projects;
        this.jobs = jobs;
        this.runner = runner;
        this.uploads = uploads;
        this.settings = settings;
    }

    /**
     * Receives {@code content} (a .nii, .nii.gz or a .zip of one DICOM PET series, told by {@code fileName})
     * and queues its import into the project.
     *
     * @param caseKey the new case's key; null or blank → derived from the file name
     * @param unit    NIfTI only: "SUV" or "UNKNOWN"; null → Petal's own marker in the file, else UNKNOWN
     */
    public ImportJobView submit(Actor lead, long projectId, String fileName, InputStream content, String caseKey,
                                String unit) throws IOException {
        lead.require(Role.LEAD);
        projects.get(projectId);
        String name = safeFileName(fileName);
        UploadFormat format = UploadFormat.of(name);
        PetUnit niftiUnit = niftiUnit(unit, format);
        String key = caseKey(caseKey, format.stem(name));
        Uploads.Received upload = uploads.receive(content);
        long jobId;
        try {
            if (format == UploadFormat.DICOM_ZIP) {
                refuseUnsafeZip(upload.file());
            }
            jobId = jobs.create(lead, projectId, name, format, upload);
        } catch (IOException | RuntimeException e) {
            Uploads.deleteQuietly(upload.file());
            throw e;
        }
        try {
            Path file = uploads.claim(upload, jobId, name);
            runner.enqueue(new ImportTask(jobId, lead, projectId, key, niftiUnit, format, file, upload.sha256()));
        } catch (RejectedExecutionException busy) {
            abandon(lead, jobId, upload, "the import queue is full; try again in a few minutes");
            throw new ResponseStatusException(HttpStatus.SERVICE_UNAVAILABLE,
                "the import queue is full (" + settings.queueCapacity() + " waiting); try again in a few minutes");
        } catch (IOException | RuntimeException e) {
            abandon(lead, jobId, upload, "the upload could not be queued; the details are in the server log");
            throw e;
        }
        return jobs.view(jobId);
    }

    private void abandon(Actor lead, long jobId, Uploads.Received upload, String reason) {
        jobs.fail(lead, jobId, reason);
        Uploads.deleteQuietly(upload.file());
        uploads.deleteJobFiles(jobId);
    }

    public ImportJobView get(Actor lead, long jobId) {
        lead.require(Role.LEAD);
        return jobs.view(jobId);
    }

    public List<ImportJobView> ofProject(Actor lead, long projectId) {
        lead.require(Role.LEAD);
        projects.get(projectId);
        return jobs.ofProject(projectId);
    }

    /** Checking the zip's directory here answers a malicious archive with 400 before a job exists. */
    private void refuseUnsafeZip(Path zip) throws IOException {
        try {
            SafeZip.inspect(zip, settings.zipLimits());
        } catch (ArchiveRefusedException e) {
            throw new Problems.BadRequest(e.getMessage());
        }
    }

    /** The last path segment (some browsers send a whole path), with unusual characters replaced. */
    static String safeFileName(String fileName) {
        if (fileName == null || fileName.isBlank()) {
            throw new Problems.BadRequest("the upload has no file name; name it .nii, .nii.gz or .zip");
        }
        String last = fileName.substring(Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\')) + 1);
        String safe = last.replaceAll("[^A-Za-z0-9._-]", "_");
        if (safe.isEmpty() || safe.startsWith(".") || safe.length() > 200) {
            throw new Problems.BadRequest("unusable file name '" + last + "'");
        }
        return safe;
    }

    static String caseKey(String requested, String fileStem) {
        if (requested == null || requested.isBlank()) {
            String derived = fileStem.replaceAll("^[^A-Za-z0-9]+", "");
            return derived.isEmpty() ? "case" : derived.substring(0, Math.min(128, derived.length()));
        }
        if (!CASE_KEY.matcher(requested).matches()) {
            throw new Problems.BadRequest("case key '" + requested + "' must be 1-128 letters, digits, '.', '_' or"
                + " '-', starting with a letter or digit");
        }
        return requested;
    }

    static PetUnit niftiUnit(String unit, UploadFormat format) {
        if (unit == null || unit.isBlank()) {
            return null;
        }
        if (!format.isNifti()) {
            throw new Problems.BadRequest("'unit' applies to NIfTI only: a DICOM series carries its own units");
        }
        return switch (unit.trim().toUpperCase(Locale.ROOT)) {
            case "SUV", "SUV_BW", "SUVBW" -> PetUnit.SUV_BW;
            case "UNKNOWN" -> PetUnit.UNKNOWN;
            default -> throw new Problems.BadRequest("unit must be SUV or UNKNOWN, was '" + unit + "'");
        };
    }
}
