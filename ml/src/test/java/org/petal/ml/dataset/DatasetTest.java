package org.petal.ml.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.petal.ml.io.InvalidImageException;
import org.petal.ml.testing.RealData;

class DatasetTest {

    @TempDir
    Path dir;

    private static final LabelSet LABELS = LabelSet.builder()
        .add(1, "liver", LabelKind.ORGAN).add(2, "lesion", LabelKind.LESION).build();

    /** Creates empty files standing in for images; the dataset layer never opens them. */
    private Path touch(String relative) throws IOException {
        Path p = dir.resolve(relative);
        Files.createDirectories(p.getParent());
        return Files.exists(p) ? p : Files.createFile(p);
    }

    private void writeMetadata(String csv) throws IOException {
        Files.writeString(dir.resolve("labels.json"), LABELS.toJson());
        Files.writeString(dir.resolve("cases.csv"), csv);
    }

    @Test
    void the_real_hecktor_dataset_reads_as_ten_cases_with_one_lesion_label() throws Exception {
        Path root = RealData.require("ai4elife-hecktor");
        Dataset ds = Dataset.read(root);
        assertThat(ds.cases()).hasSize(10);
        assertThat(ds.labels().names()).containsExactly(java.util.Map.entry(1, "tumour"));
        assertThat(ds.labels().kind("tumour")).contains(LabelKind.LESION);
        DatasetCase first = ds.cases().get(0);
        assertThat(first.caseId()).isEqualTo("CHGJ007");
        assertThat(first.pet()).isAbsolute().isRegularFile().startsWith(ds.dir());
        assertThat(first.label()).isRegularFile();
        assertThat(first.ct()).isPresent();
        assertThat(ds.cases()).extracting(DatasetCase::caseId).doesNotHaveDuplicates();
    }

    @Test
    void the_real_dataset_rewritten_elsewhere_keeps_its_relative_layout() throws Exception {
        Dataset real = Dataset.read(RealData.require("ai4elife-hecktor"));
        Path copy = dir.resolve("copy");
        List<DatasetCase> moved = real.cases().stream().map(c -> new DatasetCase(c.caseId(),
            copy.resolve(real.dir().relativize(c.pet())), copy.resolve(real.dir().relativize(c.label())),
            c.ct().map(ct -> copy.resolve(real.dir().relativize(ct))))).toList();
        new Dataset(copy, real.labels(), moved).write();
        assertThat(Files.readString(copy.resolve("cases.csv")))
            .isEqualTo(Files.readString(real.dir().resolve("cases.csv")).replace("\r\n", "\n"));
    }

    @Test
    void write_then_read_round_trips_labels_cases_and_awkward_paths() throws Exception {
        Path pet = touch("data/a, \"odd\" dir/pet.nii.gz");
        Path label = touch("data/a, \"odd\" dir/label.nii.gz");
        Path ct = touch("ct/a.nii.gz");
        touch("data/b/pet.nii.gz");
        touch("data/b/label.nii.gz");
        Dataset written = new Dataset(dir, LABELS, List.of(
            new DatasetCase("a", pet, label, Optional.of(ct)),
            new DatasetCase("b", Path.of("data/b/pet.nii.gz"), Path.of("data/b/label.nii.gz"))));
        written.write();

        Dataset read = Dataset.read(dir);
        assertThat(read).isEqualTo(written);
        assertThat(read.cases().get(1).ct()).isEmpty();
        assertThat(Files.readAllLines(dir.resolve("cases.csv")))
            .containsExactly("case_id,pet,label,ct",
                "a,\"data/a, \"\"odd\"\" dir/pet.nii.gz\",\"data/a, \"\"odd\"\" dir/label.nii.gz\",ct/a.nii.gz",
                "b,data/b/pet.nii.gz,data/b/label.nii.gz,");
    }

    @Test
    void a_dataset_without_ct_writes_no_ct_column() throws Exception {
        touch("p.nii");
        touch("l.nii");
        new Dataset(dir, LABELS, List.of(new DatasetCase("x", Path.of("p.nii"), Path.of("l.nii")))).write();
        assertThat(Files.readAllLines(dir.resolve("cases.csv"))).containsExactly("case_id,pet,label", "x,p.nii,l.nii");
    }

    @Test
    void writing_leaves_no_temporary_files_behind_and_replaces_old_metadata() throws Exception {
        touch("p.nii");
        touch("l.nii");
        writeMetadata("old content");
        new Dataset(dir, LABELS, List.of(new DatasetCase("x", Path.of("p.nii"), Path.of("l.nii")))).write();
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("labels.json", "cases.csv", "p.nii", "l.nii");
        }
        assertThat(Dataset.read(dir).cases()).hasSize(1);
    }

    @Test
    void a_missing_metadata_file_is_named() throws Exception {
        Files.writeString(dir.resolve("labels.json"), LABELS.toJson());
        assertThatThrownBy(() -> Dataset.read(dir)).isInstanceOf(InvalidImageException.class)
            .hasMessageContaining("has no cases.csv");
        assertThatThrownBy(() -> Dataset.read(dir.resolve("nope"))).isInstanceOf(InvalidDatasetException.class)
            .hasMessageContaining("does not exist");
    }

    @Test
    void a_missing_required_column_is_named() throws Exception {
        writeMetadata("case_id,pet\nx,p.nii\n");
        assertThatThrownBy(() -> Dataset.read(dir)).isInstanceOf(InvalidDatasetException.class)
            .hasMessageContaining("lacks column(s) label");
    }

    @Test
    void a_missing_image_file_names_the_case_and_column() throws Exception {
        touch("p.nii");
        writeMetadata("case_id,pet,label\nx,p.nii,missing.nii\n");
        assertThatThrownBy(() -> Dataset.read(dir)).isInstanceOf(InvalidDatasetException.class)
            .hasMessageContaining("line 2: case x label file missing.nii does not exist");
    }

    @Test
    void a_repeated_case_id_names_both_lines() throws Exception {
        touch("p.nii");
        touch("l.nii");
        writeMetadata("case_id,pet,label\nx,p.nii,l.nii\ny,p.nii,l.nii\nx,p.nii,l.nii\n");
        assertThatThrownBy(() -> Dataset.read(dir)).isInstanceOf(InvalidDatasetException.class)
            .hasMessageContaining("line 4: case id \"x\" already used on line 2");
    }

    @Test
    void paths_climbing_out_of_the_dataset_or_absolute_paths_are_rejected() throws Exception {
        Path outside = Files.createFile(dir.resolveSibling(dir.getFileName() + "-outside.nii"));
        try {
            Path ds = Files.createDirectories(dir.resolve("ds"));
            Files.writeString(ds.resolve("labels.json"), LABELS.toJson());
            Files.createFile(ds.resolve("l.nii"));
            Files.writeString(ds.resolve("cases.csv"), "case_id,pet,label\nx,../../" + outside.getFileName() + ",l.nii\n");
            assertThatThrownBy(() -> Dataset.read(ds)).isInstanceOf(InvalidDatasetException.class)
                .hasMessageContaining("points outside the dataset directory");
            Files.writeString(ds.resolve("cases.csv"), "case_id,pet,label\nx," + outside.toAbsolutePath() + ",l.nii\n");
            assertThatThrownBy(() -> Dataset.read(ds)).isInstanceOf(InvalidDatasetException.class)
                .hasMessageContaining("is absolute");
        } finally {
            Files.deleteIfExists(outside);
        }
    }

    @Test
    void a_row_with_the_wrong_number_of_fields_is_rejected() throws Exception {
        writeMetadata("case_id,pet,label\nx,p.nii\n");
        assertThatThrownBy(() -> Dataset.read(dir)).isInstanceOf(InvalidDatasetException.class)
            .hasMessageContaining("line 2 has 2 fields, the header has 3");
    }

    @Test
    void the_constructor_rejects_duplicate_ids_and_paths_outside_the_directory() {
        DatasetCase inside = new DatasetCase("x", Path.of("p.nii"), Path.of("l.nii"));
        assertThatThrownBy(() -> new Dataset(dir, LABELS, List.of(inside, inside)))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("appears twice");
        assertThatThrownBy(() -> new Dataset(dir, LABELS, List.of(new DatasetCase("y", Path.of("../p.nii"), Path.of("l.nii")))))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("outside the dataset directory");
    }
}
