package org.petal.cases.imports;

import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import org.petal.audit.AuditLog;
import org.petal.system.Problems;
import org.petal.users.Actor;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The job rows. Each change is its own short transaction: the worker runs for minutes outside any
 * transaction and must not hold one open, and a poller must see each stage as soon as it happens.
 */
@Component
@Transactional
class ImportJobs {

    private final ImportJobRepository jobs;
    private final AuditLog audit;
    private final Clock clock;

    ImportJobs(ImportJobRepository jobs, AuditLog audit, Clock clock) {
        this.jobs = jobs;
        this.audit = audit;
        this.clock = clock;
    }

    long create(Actor lead, long projectId, String fileName, UploadFormat format, Uploads.Received upload) {
        ImportJob job = jobs.save(new ImportJob(projectId, lead.id(), fileName, clock.instant()));
        audit.record(lead, "IMPORT_SUBMITTED", "import", job.getId(), fileName + " (" + format + ", "
            + upload.bytes() + " bytes, sha256 " + upload.sha256() + ")");
        return job.getId();
    }

    void start(long id) {
        find(id).start(clock.instant());
    }

    void advance(long id, double fraction, String what) {
        find(id).advance(fraction, what, clock.instant());
    }

    void done(long id, long caseId, String summary) {
        find(id).done(caseId, summary, clock.instant());
    }

    void fail(Actor lead, long id, String reason) {
        ImportJob job = find(id);
        job.fail(reason, clock.instant());
        audit.record(lead, "IMPORT_FAILED", "import", id, job.getMessage());
    }

    /** Fails every job left QUEUED or RUNNING by a stopped server and returns their ids. */
    List<Long> failInterrupted() {
        List<ImportJob> stuck = jobs.findByStateIn(EnumSet.of(ImportState.QUEUED, ImportState.RUNNING));
        for (ImportJob j : stuck) {
            j.fail("interrupted by a server restart; upload the file again", clock.instant());
            audit.record(null, "IMPORT_FAILED", "import", j.getId(), j.getMessage());
        }
        return stuck.stream().map(ImportJob::getId).toList();
    }

    @Transactional(readOnly = true)
    ImportJobView view(long id) {
        return ImportJobView.of(find(id));
    }

    @Transactional(readOnly = true)
    List<ImportJobView> ofProject(long projectId) {
        return jobs.findByProjectIdOrderByIdDesc(projectId).stream().map(ImportJobView::of).toList();
    }

    private ImportJob find(long id) {
        return jobs.findById(id).orElseThrow(() -> new Problems.NotFound("no import job " + id));
    }
}
