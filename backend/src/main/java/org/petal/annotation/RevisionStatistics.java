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
import org.petal.ml.morph.Components;
import org.petal.ml.morph.ConnectedComponents;
import org.petal.ml.morph.Connectivity;
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

    /**
     * One 26-connected lesion of a lesion label.
     *
     * @param index       1-based, in the order of each lesion's first voxel in raster order (i fastest), as in
     *                    {@link LesionBurden#lesions()}
     * @param centroidLps unweighted centroid of its voxel centres, LPS mm
     */
    public record Lesion(int labelValue, String labelName, int index, SuvStatistics statistics, double[] centroidLps) {}

    /**
     * Everything a lesion table needs.
     *
     * @param lesions     every lesion of every lesion label, label by label
     * @param allLesions  statistics of the union of all lesion labels (each voxel once); zero voxels when there is none
     * @param burden      lesion count, total MTV, total TLG and Dmax of that union (lesions of different labels that
     *                    touch count as one)
     */
    public record LesionReport(CaseView petCase, AssignmentView assignment, RevisionService.RevisionView revision,
                               List<LabelStatistics> labels, List<Lesion> lesions, SuvStatistics allLesions,
                               LesionBurden burden) {}

    private static final SuvStatistics NOTHING = new SuvStatistics(0, 0, Double.NaN, Double.NaN, Double.NaN, 0);

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
        return report(actor, revisionId).labels();
    }

    /** The label statistics with each lesion's place, and the figures of all lesions together. */
    public LesionReport report(Actor actor, long revisionId) {
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
        List<Lesion> lesions = new ArrayList<>();
        List<BinaryMask> lesionMasks = new ArrayList<>();
        for (ProjectService.LabelSpec l : projects.get(c.projectId()).labels()) {
            BinaryMask mask = BinaryMask.fromLabel(labels, l.value());
            if (mask.isEmpty()) {
                continue;
            }
            LesionBurden burden = null;
            if (l.kind() == LabelKind.LESION) {
                burden = lesionsOf(pet, mask, l, lesions);
                lesionMasks.add(mask);
            }
            out.add(new LabelStatistics(l.value(), l.name(), l.kind(), SuvStatistics.of(pet, mask), burden));
        }
        SuvStatistics all;
        LesionBurden burden;
        if (lesionMasks.isEmpty()) {
            all = NOTHING;
            burden = new LesionBurden(0, 0, 0, 0, List.of());
        } else if (lesionMasks.size() == 1) {  // the label's own figures: no second pass over the volume
            LabelStatistics only = out.stream().filter(x -> x.burden() != null).findFirst().orElseThrow();
            all = only.total();
            burden = only.burden();
        } else {
            BinaryMask union = lesionMasks.get(0);
            for (BinaryMask m : lesionMasks.subList(1, lesionMasks.size())) {
                union = union.or(m);
            }
            all = SuvStatistics.of(pet, union);
            burden = LesionBurden.of(pet, union);
        }
        return new LesionReport(c, a, revision, out, lesions, all, burden);
    }

    /** The label's lesions (appended to {@code into}) and its burden, from one pass of connected components. */
    private static LesionBurden lesionsOf(PetVolume pet, BinaryMask mask, ProjectService.LabelSpec label, List<Lesion> into) {
        Components cc = ConnectedComponents.of(mask, Connectivity.TWENTY_SIX);
        List<SuvStatistics> stats = new ArrayList<>();
        List<double[]> centroids = new ArrayList<>();
        double mtv = 0, tlg = 0;
        for (int n = 1; n <= cc.count(); n++) {
            BinaryMask lesion = cc.mask(n);
            SuvStatistics s = SuvStatistics.of(pet, lesion);
            double[] centroid = LesionBurden.centroidLps(lesion);
            stats.add(s);
            centroids.add(centroid);
            mtv += s.mtvMl();
            tlg += s.tlg();
            into.add(new Lesion(label.value(), label.name(), n, s, centroid));
        }
        return new LesionBurden(cc.count(), mtv, tlg, LesionBurden.dmax(centroids), List.copyOf(stats));
    }
}
