package org.petal.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import org.petal.assignment.AssignmentMode;
import org.petal.assignment.AssignmentService;
import org.petal.cases.CaseView;
import org.petal.cases.CaseService;
import org.petal.ml.dataset.LabelKind;
import org.petal.ml.phantom.PhantomCase;
import org.petal.ml.phantom.PhantomGenerator;
import org.petal.ml.phantom.PhantomSpec;
import org.petal.ml.store.VoxelStoreWriter;
import org.petal.projects.ProjectService;
import org.petal.system.PetalProperties;
import org.petal.users.Actor;
import org.petal.users.UserService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The demo profile's project: three generated whole-body phantoms (seed 2026, 4 mm), assigned so that a
 * new user can log in as {@code annotator} and click a lesion at once — two cases AI-assisted, one
 * manual, and the first case double-read by {@code annotator2}. Created once; a restart keeps the work.
 */
@Component
@Profile("demo")
@Order(1)
class DemoData implements ApplicationRunner {

    static final String PROJECT = "Demo: whole-body FDG phantoms";
    static final int CASES = 3;
    private static final long SEED = 2026;

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    private final UserService users;
    private final ProjectService projects;
    private final CaseService cases;
    private final AssignmentService assignments;
    private final PetalProperties properties;

    DemoData(UserService users, ProjectService projects, CaseService cases, AssignmentService assignments,
             PetalProperties properties) {
        this.users = users;
        this.projects = projects;
        this.cases = cases;
        this.assignments = assignments;
        this.properties = properties;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (projects.list().stream().anyMatch(p -> p.name().equals(PROJECT))) {
            return;
        }
        Actor lead = users.actor("lead");
        var project = projects.create(lead, new ProjectService.NewProject(PROJECT,
            "Generated phantoms: organs at FDG-like uptake and 3-12 lesions each. Try a click on a hot spot.", List.of(
                label(1, "liver", "#c8963c", LabelKind.ORGAN), label(2, "spleen", "#8c50b4", LabelKind.ORGAN),
                label(3, "kidney", "#d2b48c", LabelKind.ORGAN), label(4, "lesion", "#ff3030", LabelKind.LESION))));
        long annotator = users.actor("annotator").id();
        long annotator2 = users.actor("annotator2").id();
        for (int index = 0; index < CASES; index++) {
            CaseView c = importPhantom(lead, project.id(), index);
            assignments.assign(lead, c.id(), annotator, index == 2 ? AssignmentMode.MANUAL : AssignmentMode.AI_ASSISTED, null);
            if (index == 0) {
                assignments.assign(lead, c.id(), annotator2, AssignmentMode.MANUAL, null);
            }
        }
        log.info("demo project '{}' created with {} phantom cases", PROJECT, CASES);
    }

    private CaseView importPhantom(Actor lead, long projectId, int index) {
        PhantomCase phantom = PhantomGenerator.generate(PhantomSpec.of(SEED, index));
        Path dir = properties.casesDir().resolve("demo-" + phantom.caseId());
        try {
            VoxelStoreWriter.write(phantom.pet(), dir, "phantom " + phantom.caseId() + " (seed " + SEED + ")");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return cases.register(lead, projectId, phantom.caseId(), dir, sha256(phantom.pet().voxels()));
    }

    /** Checksum of the generated voxels (little-endian float32), as an import takes it of the uploaded file. */
    static String sha256(float[] voxels) {
        try {
            var digest = java.security.MessageDigest.getInstance("SHA-256");
            var buffer = java.nio.ByteBuffer.allocate(4 * 8192).order(java.nio.ByteOrder.LITTLE_ENDIAN);
            for (int start = 0; start < voxels.length; start += 8192) {
                buffer.clear();
                buffer.asFloatBuffer().put(voxels, start, Math.min(8192, voxels.length - start));
                digest.update(buffer.array(), 0, 4 * Math.min(8192, voxels.length - start));
            }
            return java.util.HexFormat.of().formatHex(digest.digest());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ProjectService.LabelSpec label(int value, String name, String colour, LabelKind kind) {
        return new ProjectService.LabelSpec(value, name, colour, kind, "suv-grow");
    }
}
