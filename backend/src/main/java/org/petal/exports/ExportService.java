package org.petal.exports;

import java.util.List;
import org.petal.annotation.RevisionService;
import org.petal.annotation.RevisionStatistics;
import org.petal.assignment.AssignmentService;
import org.petal.assignment.AssignmentView;
import org.petal.cases.CaseService;
import org.petal.cases.CaseView;
import org.petal.system.Problems;
import org.petal.users.Actor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Exports. Nobody gets more than they may already read: the case (leads, reviewers, coordinators; an
 * annotator only their assigned cases) and the revision's assignment (its annotator, leads, reviewers,
 * coordinators).
 */
@Service
@Transactional(readOnly = true)
public class ExportService {

    /** A file to download. */
    public record Download(String fileName, String contentType, byte[] body, long caseId, long assignmentId,
                           long revisionId) {}

    private final CaseService cases;
    private final AssignmentService assignments;
    private final RevisionService revisions;
    private final RevisionStatistics statistics;

    ExportService(CaseService cases, AssignmentService assignments, RevisionService revisions, RevisionStatistics statistics) {
        this.cases = cases;
        this.assignments = assignments;
        this.revisions = revisions;
        this.statistics = statistics;
    }

    /**
     * The case's approved segmentation: the newest revision (the last accepted) among its APPROVED
     * assignments that the actor may read, as a gzipped NIfTI-1 label map in the case's geometry. An approved
     * assignment cannot change any more, so its newest revision is the one the reviewer approved.
     */
    public Download approvedSegmentation(Actor actor, long caseId) {
        CaseView c = cases.get(actor, caseId);
        List<AssignmentView> approved = assignments.approvedOf(actor, caseId);
        var revision = revisions.newestOf(actor, approved.stream().map(AssignmentView::id).toList())
            .orElseThrow(() -> new Problems.NotFound("case " + c.caseKey() + " has no approved segmentation yet: "
                + "a reviewer approves an assignment of it first"));
        return new Download(safe(c.caseKey()) + "-segmentation.nii.gz", "application/gzip",
            revisions.nifti(actor, revision.id()), caseId, revision.assignmentId(), revision.id());
    }

    /** The revision's lesion statistics, one row per lesion plus label and total rows (see {@link LesionCsv}). */
    public Download lesionCsv(Actor actor, long revisionId) {
        RevisionStatistics.LesionReport report = statistics.report(actor, revisionId);
        CaseView c = report.petCase();
        return new Download(safe(c.caseKey()) + "-revision-" + revisionId + "-lesions.csv", "text/csv;charset=UTF-8",
            LesionCsv.of(report).getBytes(java.nio.charset.StandardCharsets.UTF_8), c.id(), report.assignment().id(),
            revisionId);
    }

    /** A case key as a file name: letters, digits, '.', '_' and '-' only. */
    static String safe(String caseKey) {
        String s = caseKey.replaceAll("[^A-Za-z0-9._-]", "_");
        return s.isEmpty() || s.startsWith(".") ? "case" + s : s;
    }
}
