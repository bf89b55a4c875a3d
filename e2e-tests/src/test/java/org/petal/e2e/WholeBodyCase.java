package org.petal.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.playwright.APIRequestContext;
import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.options.FilePayload;
import com.microsoft.playwright.options.FormData;
import com.microsoft.playwright.options.RequestOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import org.petal.ml.nifti.NiftiWriter;
import org.petal.ml.phantom.AutoPetGridPhantom;
import org.petal.ml.phantom.PhantomCase;
import org.petal.ml.phantom.PhantomGenerator;
import org.petal.ml.phantom.PhantomLesion;
import org.petal.ml.phantom.PhantomSpec;
import org.petal.ml.volume.VolumeGeometry;

/**
 * A case of real whole-body size (AutoPET's 400×400×326 grid) brought in the way a lead does it: a NIfTI
 * uploaded through the import API, then assigned to the demo annotator. Knows where its liver and its
 * largest lesion are, from the phantom's ground truth.
 */
final class WholeBodyCase {

    private static final ObjectMapper JSON = new ObjectMapper();

    final long assignmentId;
    final int[] liver;
    final int[] lesion;

    private WholeBodyCase(long assignmentId, int[] liver, int[] lesion) {
        this.assignmentId = assignmentId;
        this.liver = liver;
        this.lesion = lesion;
    }

    static WholeBodyCase importAndAssign(APIRequestContext lead, Path workDir) throws Exception {
        PhantomCase phantom = PhantomGenerator.generate(PhantomSpec.of(7, 0).withVoxelMm(2.0));
        Path nifti = workDir.resolve("wholebody-autopet-grid.nii.gz");
        Files.createDirectories(workDir);
        NiftiWriter.writePet(AutoPetGridPhantom.resample(phantom, false), nifti);

        long project = find(json(lead.get("/api/projects")), "name", "Demo: whole-body FDG phantoms").get("id").asLong();
        JsonNode job = json(lead.post("/api/projects/" + project + "/imports", RequestOptions.create().setMultipart(FormData.create()
            .set("file", new FilePayload(nifti.getFileName().toString(), "application/gzip", Files.readAllBytes(nifti)))
            .set("caseKey", "wholebody-autopet-grid").set("unit", "SUV"))));
        long caseId = awaitImport(lead, job.get("id").asLong());
        long annotator = find(json(lead.get("/api/users")), "username", "annotator").get("id").asLong();
        JsonNode assignment = json(lead.post("/api/assignments", RequestOptions.create().setData(Map.of(
            "caseId", caseId, "annotatorId", annotator, "mode", "AI_ASSISTED"))));
        PhantomLesion largest = phantom.lesions().stream().max(Comparator.comparingInt(PhantomLesion::voxelCount)).orElseThrow();
        return new WholeBodyCase(assignment.get("id").asLong(), liverCentre(phantom), AutoPetGridPhantom.gridVoxel(largest.centreLps()));
    }

    private static long awaitImport(APIRequestContext lead, long job) throws Exception {
        long deadline = System.nanoTime() + 300_000_000_000L;
        while (System.nanoTime() < deadline) {
            JsonNode j = json(lead.get("/api/imports/" + job));
            switch (j.get("state").asText()) {
                case "DONE" -> { return j.get("caseId").asLong(); }
                case "FAILED" -> throw new IllegalStateException("import failed: " + j.get("message").asText());
                default -> Thread.sleep(500);
            }
        }
        throw new IllegalStateException("import " + job + " did not finish within 5 minutes");
    }

    /** The liver's centroid on the AutoPET grid (the phantom's liver is convex enough to contain it). */
    private static int[] liverCentre(PhantomCase phantom) {
        int liver = phantom.labelSet().value("liver").orElseThrow();
        VolumeGeometry g = phantom.pet().geometry();
        double si = 0, sj = 0, sk = 0;
        long n = 0;
        for (int k = 0; k < g.nz(); k++) {
            for (int j = 0; j < g.ny(); j++) {
                for (int i = 0; i < g.nx(); i++) {
                    if (phantom.labels().get(i, j, k) == liver) {
                        si += i;
                        sj += j;
                        sk += k;
                        n++;
                    }
                }
            }
        }
        double[] lps = g.voxelToLps(si / n, sj / n, sk / n);
        return AutoPetGridPhantom.gridVoxel(new PhantomLesion.Point(lps[0], lps[1], lps[2]));
    }

    private static JsonNode find(JsonNode array, String field, String value) {
        for (JsonNode n : array) {
            if (n.get(field).asText().equals(value)) {
                return n;
            }
        }
        throw new IllegalStateException("no " + field + " '" + value + "' in " + array);
    }

    private static JsonNode json(APIResponse r) throws Exception {
        if (!r.ok()) {
            throw new IllegalStateException(r.url() + ": HTTP " + r.status() + " " + r.text());
        }
        return JSON.readTree(r.body());
    }
}
