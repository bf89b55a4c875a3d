package org.petal.annotation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.petal.assignment.AssignmentService;
import org.petal.assignment.AssignmentView;
import org.petal.audit.AuditLog;
import org.petal.cases.CaseService;
import org.petal.cases.CaseView;
import org.petal.ml.nifti.NiftiWriter;
import org.petal.ml.volume.LabelVolume;
import org.petal.ml.volume.VolumeGeometry;
import org.petal.projects.ProjectService;
import org.petal.system.Problems;
import org.petal.users.Actor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Accepted masks. Accepting stores a new immutable revision (the previous one becomes its parent);
 * nothing is ever overwritten, so no accepted work can be lost by a later edit.
 */
@Service
@Transactional(readOnly = true)
public class RevisionService {

    /** A revision without its voxels. */
    public record RevisionView(long id, long assignmentId, Long parentId, long authorId, MaskRevision.Source source,
                               java.time.Instant createdAt, long labelledVoxels, String sha256) {
        static RevisionView of(MaskRevision r) {
            return new RevisionView(r.getId(), r.getAssignmentId(), r.getParentId(), r.getAuthorId(), r.getSource(),
                r.getCreatedAt(), r.getLabelledVoxels(), r.getSha256());
        }
    }

    private final RevisionRepository revisions;
    private final AssignmentService assignments;
    private final CaseService cases;
    private final ProjectService projects;
    private final InteractionLog log;
    private final AuditLog audit;
    private final Clock clock;

    RevisionService(RevisionRepository revisions, AssignmentService assignments, CaseService cases,
                    ProjectService projects, InteractionLog log, AuditLog audit, Clock clock) {
        this.revisions = revisions;
        this.assignments = assignments;
        this.cases = cases;
        this.projects = projects;
        this.log = log;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Stores the label map (one byte per voxel, case voxel order) as the assignment's newest revision.
     * Only the annotator, while IN_PROGRESS; only label values of the project's label set.
     */
    @Transactional
    public RevisionView accept(Actor actor, long assignmentId, Long sessionId, byte[] labels, MaskRevision.Source source) {
        AssignmentView a = assignments.requireEditable(actor, assignmentId);
        CaseView c = cases.get(actor, a.caseId());
        long voxels = (long) c.dims()[0] * c.dims()[1] * c.dims()[2];
        if (labels.length != voxels) {
            throw new Problems.BadRequest("the label map has " + labels.length + " voxels, the case " + voxels);
        }
        Set<Integer> allowed = projects.get(c.projectId()).labels().stream().map(ProjectService.LabelSpec::value)
            .collect(Collectors.toSet());
        long labelled = 0;
        boolean[] seen = new boolean[256];
        for (byte b : labels) {
            int v = b & 0xff;
            if (v != 0) {
                labelled++;
                seen[v] = true;
            }
        }
        for (int v = 1; v < 256; v++) {
            if (seen[v] && !allowed.contains(v)) {
                throw new Problems.BadRequest("label value " + v + " is not in the project's label set " + allowed);
            }
        }
        Long parent = revisions.findFirstByAssignmentIdOrderByIdDesc(assignmentId).map(MaskRevision::getId).orElse(null);
        MaskRevision r = revisions.save(new MaskRevision(assignmentId, parent, actor.id(), source, clock.instant(),
            c.dims(), LabelMapCodec.compress(labels), sha256(labels), labelled));
        log.record(actor, assignmentId, sessionId, EventType.ACCEPT, null, null, null, "revision " + r.getId());
        audit.record(actor, "REVISION_ACCEPTED", "assignment", assignmentId, "revision " + r.getId() + ", " + source);
        return RevisionView.of(r);
    }

    /** Voxels of the assignment's case (the length a label map must have); checks edit rights. */
    public int caseVoxels(Actor actor, long assignmentId) {
        AssignmentView a = assignments.requireEditable(actor, assignmentId);
        int[] d = cases.get(actor, a.caseId()).dims();
        return d[0] * d[1] * d[2];
    }

    /** Hands the work in for review; there must be an accepted revision. */
    @Transactional
    public AssignmentView submit(Actor actor, long assignmentId, long expectedVersion, Long sessionId) {
        AssignmentView v = assignments.submit(actor, assignmentId, expectedVersion, revisions.existsByAssignmentId(assignmentId));
        log.recordAfterSubmit(actor, assignmentId, sessionId);
        return v;
    }

    public List<RevisionView> list(Actor actor, long assignmentId) {
        assignments.get(actor, assignmentId);
        return revisions.findByAssignmentIdOrderByIdAsc(assignmentId).stream().map(RevisionView::of).toList();
    }

    /**
     * The id of the newest revision of each assignment of a project in the given states (those without one are
     * absent), read without label maps; for reports (leads, coordinators).
     */
    public java.util.Map<Long, Long> newestRevisionIdsOfProject(Actor actor, long projectId,
                                                               java.util.Collection<org.petal.assignment.AssignmentState> states) {
        actor.require(org.petal.users.Role.LEAD, org.petal.users.Role.COORDINATOR);
        java.util.Map<Long, Long> out = new java.util.HashMap<>();
        for (Object[] row : revisions.newestIdsOfProject(projectId, states)) {
            out.put((Long) row[0], (Long) row[1]);
        }
        return out;
    }

    public RevisionView get(Actor actor, long revisionId) {
        MaskRevision r = find(actor, revisionId);
        return RevisionView.of(r);
    }

    /** The newest revision of any of the assignments, if the actor may read it; empty when they have none. */
    public Optional<RevisionView> newestOf(Actor actor, Collection<Long> assignmentIds) {
        if (assignmentIds.isEmpty()) {
            return Optional.empty();
        }
        return revisions.findFirstByAssignmentIdInOrderByIdDesc(assignmentIds)
            .map(r -> RevisionView.of(find(actor, r.getId())));
    }

    /** The revision's label map, one byte per voxel. */
    public byte[] labels(Actor actor, long revisionId) {
        MaskRevision r = find(actor, revisionId);
        int[] d = r.dims();
        return LabelMapCodec.decompress(r.compressed(), d[0] * d[1] * d[2]);
    }

    /**
     * The revision's label map as stored: a zlib (RFC 1950) stream of one byte per voxel, which a browser
     * inflates with {@code DecompressionStream("deflate")}; no server work beyond the read.
     */
    public byte[] compressedLabels(Actor actor, long revisionId) {
        return find(actor, revisionId).compressed();
    }

    /** The revision as a gzipped NIfTI-1 label map in the case's geometry. */
    public byte[] nifti(Actor actor, long revisionId) {
        MaskRevision r = find(actor, revisionId);
        AssignmentView a = assignments.get(actor, r.getAssignmentId());
        VolumeGeometry g = cases.store(actor, a.caseId()).geometry();
        byte[] labels = labels(actor, revisionId);
        short[] values = new short[labels.length];
        for (int i = 0; i < labels.length; i++) {
            values[i] = (short) (labels[i] & 0xff);
        }
        try {
            Path tmp = Files.createTempFile("petal-revision-", ".nii.gz");
            try {
                NiftiWriter.writeLabels(new LabelVolume(g, values), tmp);
                return Files.readAllBytes(tmp);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private MaskRevision find(Actor actor, long revisionId) {
        MaskRevision r = revisions.findById(revisionId).orElseThrow(() -> new Problems.NotFound("no revision " + revisionId));
        assignments.get(actor, r.getAssignmentId());
        return r;
    }

    static String sha256(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
