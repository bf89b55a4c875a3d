package org.petal.cases.imports;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * One upload being turned into a case. Only the import worker moves it; every move is checked here, so a
 * job failed by a restart cannot be "finished" by a worker that was still running.
 */
@Entity
@Table(name = "import_jobs")
public class ImportJob {

    static final int MAX_MESSAGE = 2000;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "project_id", nullable = false)
    private long projectId;

    @Column(name = "created_by", nullable = false)
    private long createdBy;

    @Column(name = "file_name", nullable = false, length = 255)
    private String fileName;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private ImportState state;

    @Column(nullable = false)
    private double progress;

    @Column(length = MAX_MESSAGE)
    private String message;

    @Column(name = "case_id")
    private Long caseId;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected ImportJob() {}

    ImportJob(long projectId, long createdBy, String fileName, Instant at) {
        this.projectId = projectId;
        this.createdBy = createdBy;
        this.fileName = fileName.length() > 255 ? fileName.substring(0, 255) : fileName;
        this.state = ImportState.QUEUED;
        this.message = "waiting for an import worker";
        this.createdAt = at;
        this.updatedAt = at;
    }

    void start(Instant at) {
        require(ImportState.QUEUED, "start");
        state = ImportState.RUNNING;
        touch(0.05, "started", at);
    }

    /** Progress only grows: a client polling it never sees the bar go back. */
    void advance(double fraction, String what, Instant at) {
        require(ImportState.RUNNING, "advance");
        touch(Math.max(progress, Math.min(0.99, fraction)), what, at);
    }

    void done(long newCaseId, String summary, Instant at) {
        require(ImportState.RUNNING, "finish");
        state = ImportState.DONE;
        caseId = newCaseId;
        touch(1.0, summary, at);
    }

    void fail(String reason, Instant at) {
        if (state.finished()) {
            throw new IllegalStateException("import job " + id + " is " + state + " already");
        }
        state = ImportState.FAILED;
        touch(progress, reason, at);
    }

    private void require(ImportState expected, String action) {
        if (state != expected) {
            throw new IllegalStateException("cannot " + action + " import job " + id + ": it is " + state);
        }
    }

    private void touch(double newProgress, String newMessage, Instant at) {
        progress = newProgress;
        message = newMessage == null || newMessage.length() <= MAX_MESSAGE
            ? newMessage : newMessage.substring(0, MAX_MESSAGE - 1) + "…";
        updatedAt = at;
    }

    public Long getId() { return id; }
    public long getProjectId() { return projectId; }
    public long getCreatedBy() { return createdBy; }
    public String getFileName() { return fileName; }
    public ImportState getState() { return state; }
    public double getProgress() { return progress; }
    public String getMessage() { return message; }
    public Long getCaseId() { return caseId; }
    public Instant getCreatedAt() { return createdAt; }
    public Instant getUpdatedAt() { return updatedAt; }
}
