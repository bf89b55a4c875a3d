package org.petal.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import org.petal.assignment.AssignmentMode;
import org.petal.assignment.AssignmentService;
import org.petal.assignment.AssignmentView;
import org.petal.cases.CaseService;
import org.petal.cases.CaseView;
import org.petal.ml.dataset.LabelKind;
import org.petal.ml.store.VoxelStoreWriter;
import org.petal.ml.volume.PetUnit;
import org.petal.ml.volume.PetVolume;
import org.petal.ml.volume.SuvParameters;
import org.petal.ml.volume.VolumeGeometry;
import org.petal.projects.ProjectService;
import org.petal.system.PetalProperties;
import org.petal.users.Actor;
import org.petal.users.Role;
import org.petal.users.UserService;
import org.springframework.stereotype.Component;

/**
 * Builds what the tests talk about — a team, a project, a case with a hot lesion, an assignment — through the
 * real services, each with unique names so tests sharing a database never collide.
 */
@Component
public class TestData {

    /** Edge of the test cases' cube in voxels; a lesion of SUV 8 sits at the centre on a background of SUV 1. */
    public static final int N = 24;

    private final UserService users;
    private final ProjectService projects;
    private final CaseService cases;
    private final AssignmentService assignments;
    private final PetalProperties properties;

    TestData(UserService users, ProjectService projects, CaseService cases, AssignmentService assignments,
             PetalProperties properties) {
        this.users = users;
        this.projects = projects;
        this.cases = cases;
        this.assignments = assignments;
        this.properties = properties;
    }

    /** The people of one test. */
    public record Team(Actor lead, Actor annotator, Actor annotator2, Actor reviewer, Actor coordinator,
                       Actor reviewingAnnotator) {}

    public Team team() {
        String s = unique();
        return new Team(user("lead" + s, Role.LEAD), user("ann" + s, Role.ANNOTATOR), user("ann2" + s, Role.ANNOTATOR),
            user("rev" + s, Role.REVIEWER), user("coord" + s, Role.COORDINATOR),
            user("revann" + s, Role.REVIEWER, Role.ANNOTATOR));
    }

    public Actor user(String name, Role... roles) {
        users.createUnchecked(name, "password-" + name, name, EnumSet.of(roles[0], roles));
        return users.actor(name);
    }

    public ProjectService.ProjectView project(Actor lead) {
        return projects.create(lead, new ProjectService.NewProject("project " + unique(), "test", List.of(
            new ProjectService.LabelSpec(1, "liver", "#aa5500", LabelKind.ORGAN, "suv-grow"),
            new ProjectService.LabelSpec(2, "lesion", "#ff0000", LabelKind.LESION, "suv-grow"))));
    }

    /** A case with a known weight and dose, so its SUV can be corrected. */
    public CaseView petCase(Actor lead, long projectId) {
        VolumeGeometry g = VolumeGeometry.axisAligned(N, N, N, 4, 4, 4, new double[3]);
        float[] v = new float[N * N * N];
        for (int k = 0; k < N; k++) {
            for (int j = 0; j < N; j++) {
                for (int i = 0; i < N; i++) {
                    double r2 = Math.pow(i - N / 2, 2) + Math.pow(j - N / 2, 2) + Math.pow(k - N / 2, 2);
                    v[g.index(i, j, k)] = (float) (1 + 7 * Math.exp(-r2 / 8.0));
                }
            }
        }
        SuvParameters suv = new SuvParameters("test (weight 70 kg, dose 300 MBq)", 1.0, 70.0, null, null, 3.0e8, null,
            null, null, "START", "BQML");
        Path dir = properties.casesDir().resolve("test-" + unique());
        try {
            VoxelStoreWriter.write(new PetVolume(g, v, PetUnit.SUV_BW, suv), dir, "test volume");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return cases.register(lead, projectId, "case-" + unique(), dir, "0".repeat(64));
    }

    /** Team, project, case, and the case assigned to the team's annotator (AI-assisted). */
    public record Scenario(Team team, ProjectService.ProjectView project, CaseView petCase, AssignmentView assignment) {}

    public Scenario scenario() {
        Team t = team();
        ProjectService.ProjectView p = project(t.lead());
        CaseView c = petCase(t.lead(), p.id());
        AssignmentView a = assignments.assign(t.lead(), c.id(), t.annotator().id(), AssignmentMode.AI_ASSISTED, null);
        return new Scenario(t, p, c, a);
    }

    /** A label map of the test case with a cube of {@code label} around the centre. */
    public static byte[] labelsWithCube(int label) {
        byte[] m = new byte[N * N * N];
        for (int k = N / 2 - 2; k < N / 2 + 2; k++) {
            for (int j = N / 2 - 2; j < N / 2 + 2; j++) {
                for (int i = N / 2 - 2; i < N / 2 + 2; i++) {
                    m[i + N * (j + N * k)] = (byte) label;
                }
            }
        }
        return m;
    }

    private static String unique() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
