package org.petal.annotation;

import java.util.ArrayList;
import java.util.List;
import org.petal.assignment.AssignmentService;
import org.petal.assignment.AssignmentView;
import org.petal.cases.CaseService;
import org.petal.cases.CaseView;
import org.petal.ml.dataset.LabelKind;
import org.petal.ml.metrics.LesionBurden;
import org.petal.ml.metrics.SuvStatistics;
import org.petal.ml.morph.BinaryMask;
import org.petal.ml.volume.LabelVolume;
import org.petal.ml.volume.PetVolume;
import org.petal.projects.ProjectService;
import org.petal.system.Problems;
import org.petal.users.Actor;
import org.springframework.stereotype.Service;

/**
 * PET quantities of an accepted revision, in SUV (with any SUV correction of the case applied): per label
 * SUVmax, SUVmean, SUVpeak (1 cm³ sphere), MTV and TLG; for lesion labels also each 26-connected lesion and
 * the burden (lesion count, total MTV and TLG with each voxel counted once, Dmax). Refused for a case
 * whose values are not SUV.
 */
@Service
public class RevisionStatistics {

    /** One label's figures; {@code burden} only for lesion labels. */
    public record LabelStatistics(int value, String name, LabelKind kind, SuvStatistics total, LesionBurden burden) {}

    private final RevisionService revisions;
    private final AssignmentService assignments;
    private final CaseService cases;
    private final ProjectService projects;

    RevisionStatistics(RevisionService revisions, AssignmentService assignments, CaseService cases, ProjectService projects) {
        this.revisions = revisions;
        this.assignments = assignments;
        this.cases = cases;
        this.projects = projects;
    }

    public List<LabelStatistics> of(Actor actor, long revisionId) {
        var revision = revisions.get(actor, revisionId);
        AssignmentView a = assignments.get(actor, revision.assignmentId());
        CaseView c = cases.get(actor, a.caseId());
        if (!"SUV_BW".equals(c.unit())) {
            throw new Problems.Conflict("case " + c.caseKey() + " is not in SUV (" + c.unit() + "): no SUV statistics");
        }
        PetVolume pet = cases.volume(actor, c.id());
        byte[] bytes = revisions.labels(actor, revisionId);
        short[] values = new short[bytes.length];
        for (int v = 0; v < bytes.length; v++) {
            values[v] = (short) (bytes[v] & 0xff);
        }
        LabelVolume labels = new LabelVolume(pet.geometry(), values);
        List<LabelStatistics> out = new ArrayList<>();
        for (ProjectService.LabelSpec l : projects.get(c.projectId()).labels()) {
            BinaryMask mask = BinaryMask.fromLabel(labels, l.value());
            if (mask.isEmpty()) {
                continue;
            }
            out.add(new LabelStatistics(l.value(), l.name(), l.kind(), SuvStatistics.of(pet, mask),
                l.kind() == LabelKind.LESION ? LesionBurden.of(pet, mask) : null));
        }
        return out;
    }
}
