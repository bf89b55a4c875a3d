package org.petal.ml.phantom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.petal.ml.dataset.Dataset;
import org.petal.ml.dataset.DatasetCase;
import org.petal.ml.dataset.LabelKind;
import org.petal.ml.io.VoxelBudget;
import org.petal.ml.nifti.NiftiReader;
import org.petal.ml.volume.LabelVolume;
import org.petal.ml.volume.PetUnit;
import org.petal.ml.volume.PetVolume;

class PhantomDatasetWriterTest {

    @TempDir
    Path dir;

    @Test
    void written_dataset_reads_back_with_the_generated_voxels_and_labels() throws IOException {
        List<DatasetCase> announced = new ArrayList<>();
        PhantomDatasetWriter.write(dir.resolve("ds"), 2, 5, 8.0, announced::add);

        Dataset dataset = Dataset.read(dir.resolve("ds"));
        assertThat(dataset.cases()).extracting(DatasetCase::caseId).containsExactly("phantom_0000", "phantom_0001");
        assertThat(announced).hasSize(2);
        assertThat(dataset.labels().kind("lesion")).contains(LabelKind.LESION);
        assertThat(dataset.labels().kind("liver")).contains(LabelKind.ORGAN);

        PhantomCase expected = PhantomGenerator.generate(PhantomSpec.of(5, 1).withVoxelMm(8.0));
        NiftiReader reader = new NiftiReader(VoxelBudget.DEFAULT);
        PetVolume pet = reader.readPet(dataset.cases().get(1).pet(), PetUnit.SUV_BW);
        LabelVolume labels = reader.readLabels(dataset.cases().get(1).label());
        assertThat(pet.voxels()).containsExactly(expected.pet().voxels());
        assertThat(labels.labels()).containsExactly(expected.labels().labels());
        assertThat(reader.readHeader(dataset.cases().get(1).pet()).description()).isEqualTo("Petal PET, SUVbw");
    }

    @Test
    void the_same_seed_writes_the_same_files() throws IOException {
        PhantomDatasetWriter.write(dir.resolve("a"), 1, 9, 8.0, c -> { });
        PhantomDatasetWriter.write(dir.resolve("b"), 1, 9, 8.0, c -> { });

        assertThat(Files.readAllBytes(dir.resolve("a/phantom_0000/pet.nii.gz")))
            .isEqualTo(Files.readAllBytes(dir.resolve("b/phantom_0000/pet.nii.gz")));
    }

    @Test
    void an_existing_dataset_is_never_overwritten() throws IOException {
        PhantomDatasetWriter.write(dir, 1, 1, 8.0, c -> { });

        assertThatThrownBy(() -> PhantomDatasetWriter.write(dir, 1, 2, 8.0, c -> { })).hasMessageContaining("already exists");
    }
}
