package org.petal.segmentation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.petal.ml.dataset.LabelKind;
import org.petal.ml.segment.InteractionResult.Outcome;
import org.petal.ml.segment.Voxel;
import org.petal.ml.volume.PetUnit;
import org.petal.ml.volume.PetVolume;
import org.petal.ml.volume.VolumeGeometry;
import org.petal.segmentation.InferenceWorker.CaseVolume;

/** The in-process worker on a small volume with one hot lesion, without Spring. */
class InProcessWorkerTest {

    private static final int N = 24;

    private final InProcessWorker worker = new InProcessWorker(new SegmentationProperties(4096, 20, 4, 32,
        Duration.ofSeconds(15), Duration.ofSeconds(45), Duration.ofMinutes(30), 2, 1, Duration.ofMinutes(10)));
    private final AtomicInteger reads = new AtomicInteger();

    @Test
    void aClickOnTheLesionReturnsTheChangedBoxWithItsVoxelsAndTheEngineLatencies() {
        var h = worker.open(caseVolume(1, 0), "suv-grow", LabelKind.LESION);
        var w = worker.click(h, new Voxel(12, 12, 12), true);

        assertThat(w.result().outcome()).isEqualTo(Outcome.APPLIED);
        var box = w.result().changed();
        assertThat(box.contains(12, 12, 12)).isTrue();
        assertThat(w.changedVoxels()).hasSize((int) box.voxelCount());
        assertThat(w.changedVoxels()[box.localIndex(12, 12, 12)]).isEqualTo((byte) 1);
        assertThat(w.result().totalMs()).isGreaterThanOrEqualTo(w.result().modelMs()).isPositive();

        var undone = worker.undo(h);
        assertThat(undone.result().changed()).isEqualTo(box);
        assertThat(undone.changedVoxels()).containsOnly(0);
    }

    @Test
    void objectsOnTheSameCaseVersionShareOneReadOfTheVolumeAndANewVersionIsReadAgain() {
        worker.open(caseVolume(2, 0), "suv-grow", LabelKind.LESION);
        worker.open(caseVolume(2, 0), "suv-grow", LabelKind.ORGAN);
        assertThat(reads).hasValue(1);
        worker.open(caseVolume(2, 1), "suv-grow", LabelKind.LESION);
        assertThat(reads).as("an SUV correction makes a new version").hasValue(2);
    }

    @Test
    void aClickOutsideTheVolumeIsRefusedAndAnUnknownEngineIsAnArgumentError() {
        var h = worker.open(caseVolume(3, 0), "suv-grow", LabelKind.LESION);
        var w = worker.click(h, new Voxel(N, 0, 0), true);
        assertThat(w.result().outcome()).isEqualTo(Outcome.REFUSED);
        assertThat(w.result().message()).contains("outside the volume");
        assertThat(w.changedVoxels()).isEmpty();
        assertThatThrownBy(() -> worker.open(caseVolume(3, 0), "magic", LabelKind.LESION))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("suv-grow");
    }

    @Test
    void releasedObjectsAreGone() {
        var h = worker.open(caseVolume(4, 0), "suv-grow", LabelKind.LESION);
        int before = worker.openObjects();
        worker.release(h);
        worker.release(h);
        assertThat(worker.openObjects()).isEqualTo(before - 1);
        assertThatThrownBy(() -> worker.undo(h)).isInstanceOf(IllegalStateException.class);
    }

    private CaseVolume caseVolume(long caseId, long version) {
        return new CaseVolume(caseId, version, () -> {
            reads.incrementAndGet();
            return lesionVolume();
        });
    }

    /** SUV 1 with a Gaussian lesion of peak SUV 8 at the centre (as the backend's TestData case). */
    static PetVolume lesionVolume() {
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
        return new PetVolume(g, v, PetUnit.SUV_BW, null);
    }
}
