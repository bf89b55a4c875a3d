package org.petal.cases.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.petal.cases.CaseView;
import org.petal.ml.io.VoxelBudget;
import org.petal.ml.nifti.NiftiHeader;
import org.petal.ml.nifti.NiftiReader;
import org.petal.ml.volume.PetUnit;
import org.petal.support.Api;
import org.petal.support.PetalTest;
import org.petal.support.SyntheticPet;
import org.petal.support.TestData;
import org.petal.system.PetalProperties;
import org.petal.users.Actor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** Imports through the REST API and the real background worker, on small synthetic volumes. */
@PetalTest
class ImportApiTest {

    private static final String HECKTOR_PET = "ai4elife-hecktor/data/CHGJ007/pet/CHGJ007_pt.nii.gz";
    private static final String NEMA_SERIES = "pynemaiqpet/data/pet_recon_1";

    @Autowired TestData data;
    @Autowired TestRestTemplate rest;
    @Autowired ObjectMapper json;
    @Autowired PetalProperties properties;
    @TempDir Path dir;

    Api api;
    Actor lead;
    long projectId;

    @BeforeEach
    void team() {
        api = new Api(rest, json);
        lead = data.team().lead();
        projectId = data.project(lead).id();
    }

    @Test
    void aNiftiUploadedByTheLeadEndsDoneWithACaseOfTheSameDimensionsAndChecksum() {
        Path file = SyntheticPet.nifti(dir.resolve("pet.nii.gz"), PetUnit.SUV_BW);

        ImportJobView job = api.importAndWait(lead, projectId, file, "caseKey", "patient-1");

        assertThat(job.state()).as(job.message()).isEqualTo(ImportState.DONE);
        assertThat(job.progress()).isEqualTo(1.0);
        assertThat(job.fileName()).isEqualTo("pet.nii.gz");
        CaseView c = api.as(lead).getForObject("/api/cases/" + job.caseId(), CaseView.class);
        assertThat(c.caseKey()).isEqualTo("patient-1");
        assertThat(c.dims()).containsExactly(SyntheticPet.NX, SyntheticPet.NY, SyntheticPet.NZ);
        assertThat(c.spacingMm()).containsExactly(2, 3, 4);
        assertThat(c.unit()).isEqualTo("SUV_BW");
        assertThat(c.checksumSha256()).isEqualTo(SyntheticPet.sha256(file));
        assertThat(jobFolders()).as("the upload is gone once the job is done").isEmpty();
    }

    @Test
    void aNiftiWithoutADeclaredUnitIsStoredAsUnknownAndTheJobKeepsTheImportersWarning() {
        Path file = SyntheticPet.nifti(dir.resolve("no-unit.nii"), PetUnit.UNKNOWN);

        ImportJobView job = api.importAndWait(lead, projectId, file);

        assertThat(job.state()).isEqualTo(ImportState.DONE);
        assertThat(job.message()).contains("unknown (not SUV)").contains("does not say what its values mean");
        CaseView c = api.as(lead).getForObject("/api/cases/" + job.caseId(), CaseView.class);
        assertThat(c.unit()).isEqualTo("UNKNOWN");
        assertThat(c.caseKey()).as("derived from the file name").isEqualTo("no-unit");
    }

    @Test
    void aNiftiDeclaredSuvByTheLeadIsStoredAsSuv() {
        Path file = SyntheticPet.nifti(dir.resolve("declared.nii.gz"), PetUnit.UNKNOWN);

        ImportJobView job = api.importAndWait(lead, projectId, file, "unit", "SUV");

        CaseView c = api.as(lead).getForObject("/api/cases/" + job.caseId(), CaseView.class);
        assertThat(c.unit()).isEqualTo("SUV_BW");
        assertThat(c.suvSource()).contains("declared SUVbw by the importing user");
    }

    @Test
    void aTruncatedNiftiEndsFailedWithAClearMessageAndLeavesNoStoreAndNoUpload() throws IOException {
        Path whole = SyntheticPet.nifti(dir.resolve("whole.nii.gz"), PetUnit.SUV_BW);
        byte[] bytes = Files.readAllBytes(whole);
        Path truncated = Files.write(dir.resolve("truncated.nii.gz"), Arrays.copyOf(bytes, bytes.length / 2));
        Set<String> storesBefore = stores();

        ImportJobView job = api.importAndWait(lead, projectId, truncated);

        assertThat(job.state()).isEqualTo(ImportState.FAILED);
        assertThat(job.message()).contains("truncated");
        assertThat(job.caseId()).isNull();
        assertThat(stores()).as("no store directory, not even a hidden temporary one").isEqualTo(storesBefore);
        assertThat(jobFolders()).isEmpty();
    }

    @Test
    void aZipWithAPathTraversalEntryIsRefusedBeforeAnyJobExists() throws IOException {
        Path zip = zip(dir.resolve("series.zip"), "series/slice-1.dcm", "../evil");

        ResponseEntity<String> r = api.upload(lead, projectId, zip);

        assertThat(r.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(r.getBody()).contains("../evil").contains("path traversal");
        assertThat(properties.uploadsDir().resolveSibling("evil")).doesNotExist();
        assertThat(api.as(lead).getForObject("/api/projects/" + projectId + "/imports", ImportJobView[].class)).isEmpty();
        assertThat(incomingUploads()).isEmpty();
    }

    @Test
    void anAnnotatorUploadingGets403AndCannotReadImportJobs() {
        var team = data.team();
        Path file = SyntheticPet.nifti(dir.resolve("pet.nii"), PetUnit.SUV_BW);

        assertThat(api.upload(team.annotator(), projectId, file).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        long jobId = api.importAndWait(lead, projectId, file).id();
        assertThat(api.as(team.annotator()).getForEntity("/api/imports/" + jobId, String.class).getStatusCode())
            .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(incomingUploads()).isEmpty();
    }

    @Test
    void aSecondImportWithTheSameCaseKeyEndsFailedNamingTheDuplicate() {
        Path file = SyntheticPet.nifti(dir.resolve("pet.nii.gz"), PetUnit.SUV_BW);
        assertThat(api.importAndWait(lead, projectId, file, "caseKey", "twice").state()).isEqualTo(ImportState.DONE);
        Set<String> storesBefore = stores();

        ImportJobView second = api.importAndWait(lead, projectId, file, "caseKey", "twice");

        assertThat(second.state()).isEqualTo(ImportState.FAILED);
        assertThat(second.message()).contains("'twice' already");
        assertThat(stores()).isEqualTo(storesBefore);
    }

    @Test
    void aFileThatIsNeitherNiftiNorZipOrABadCaseKeyIsRefusedWith400() throws IOException {
        Path text = Files.writeString(dir.resolve("notes.txt"), "not an image");
        Path nifti = SyntheticPet.nifti(dir.resolve("pet.nii"), PetUnit.SUV_BW);

        assertThat(api.upload(lead, projectId, text).getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(api.upload(lead, projectId, nifti, "caseKey", "../x").getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(api.upload(lead, projectId, nifti, "unit", "kBq").getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(incomingUploads()).isEmpty();
    }

    @Test
    void aDicomZipWithoutSuvTagsEndsFailedNamingWhatIsMissing() throws IOException {
        Path series = realData(NEMA_SERIES);
        Path zip = dir.resolve("nema.zip");
        try (Stream<Path> files = Files.list(series)) {
            zipFiles(zip, files.sorted().toList());
        }

        ImportJobView job = api.importAndWait(lead, projectId, zip);

        assertThat(job.state()).isEqualTo(ImportState.FAILED);
        assertThat(job.message()).contains("PatientWeight");
        assertThat(jobFolders()).as("the extracted series is removed too").isEmpty();
    }

    @Test
    void theRealHecktorNiftiImportsWithItsDimensions() throws IOException {
        Path pet = realData(HECKTOR_PET);
        NiftiHeader header = new NiftiReader(VoxelBudget.DEFAULT).readHeader(pet);

        ImportJobView job = api.importAndWait(lead, projectId, pet);

        assertThat(job.state()).as(job.message()).isEqualTo(ImportState.DONE);
        CaseView c = api.as(lead).getForObject("/api/cases/" + job.caseId(), CaseView.class);
        assertThat(c.dims()).containsExactly(header.geometry().nx(), header.geometry().ny(), header.geometry().nz());
        assertThat(c.caseKey()).isEqualTo("CHGJ007_pt");
        assertThat(c.unit()).isEqualTo("UNKNOWN");
    }

    private static Path realData(String relative) {
        Path p = Path.of(System.getProperty("petal.realData", "../../shared/data/real")).resolve(relative);
        assumeTrue(Files.exists(p), "real PET data not present at " + p.toAbsolutePath()
            + " (expected ../shared/data/real beside the checkout)");
        return p;
    }

    private Set<String> stores() {
        return list(properties.casesDir()).stream().collect(Collectors.toSet());
    }

    private List<String> jobFolders() {
        return list(properties.uploadsDir()).stream().filter(n -> n.startsWith("job-")).toList();
    }

    private List<String> incomingUploads() {
        return list(properties.uploadsDir()).stream().filter(n -> n.startsWith("incoming-")).toList();
    }

    private static List<String> list(Path folder) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(folder)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** A zip whose entries hold their own names; entry names are written as given, dangerous ones included. */
    static Path zip(Path zip, String... names) throws IOException {
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            for (String name : names) {
                out.putNextEntry(new ZipEntry(name));
                out.write(name.getBytes());
                out.closeEntry();
            }
        }
        return zip;
    }

    private static void zipFiles(Path zip, List<Path> files) throws IOException {
        try (OutputStream os = Files.newOutputStream(zip); ZipOutputStream out = new ZipOutputStream(os)) {
            for (Path f : files) {
                out.putNextEntry(new ZipEntry("nema/" + f.getFileName()));
                Files.copy(f, out);
                out.closeEntry();
            }
        }
    }
}
