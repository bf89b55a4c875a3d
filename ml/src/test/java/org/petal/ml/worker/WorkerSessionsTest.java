package org.petal.ml.worker;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.petal.ml.dataset.LabelKind;
import org.petal.ml.segment.InteractionResult.Outcome;
import org.petal.ml.segment.PatchModel;
import org.petal.ml.segment.PatchRequest;
import org.petal.ml.segment.Voxel;
import org.petal.ml.segment.suvgrow.SuvGrowModel;
import org.petal.ml.volume.PetUnit;
import org.petal.ml.volume.PetVolume;
import org.petal.ml.volume.VolumeGeometry;
import org.petal.ml.worker.WorkerMessage.*;
import org.petal.ml.worker.WorkerProtocol.ErrorCode;

/** A worker's sessions served without a network: what each request is answered with. */
class WorkerSessionsTest {

    private static final int N = 24;

    private final PatchModel broken = new PatchModel() {
        @Override
        public String name() {
            return "broken";
        }

        @Override
        public float[] predict(PatchRequest request) {
            throw new IllegalStateException("CUDA out of memory");
        }
    };
    private final WorkerSessions sessions = new WorkerSessions(Map.of("suv-grow", new SuvGrowModel(), "broken", broken), 1);

    @Test
    void anOpenedObjectGrowsOnAClickAndUndoClearsExactlyTheChangedBox() {
        sessions.load(new Volume(1, 0, lesion()));
        assertThat(sessions.serve(new Open(1, 10, 1, 0, "suv-grow", LabelKind.LESION))).isEqualTo(new Opened(1, 10));

        Result clicked = (Result) sessions.serve(new Click(2, 10, new Voxel(12, 12, 12), true));
        assertThat(clicked.id()).isEqualTo(2);
        assertThat(clicked.result().outcome()).isEqualTo(Outcome.APPLIED);
        assertThat(clicked.voxels()[clicked.result().changed().localIndex(12, 12, 12)]).isEqualTo((byte) 1);

        Result undone = (Result) sessions.serve(new Undo(3, 10));
        assertThat(undone.result().changed()).isEqualTo(clicked.result().changed());
        assertThat(undone.voxels()).containsOnly(0);
        assertThat(((Result) sessions.serve(new Redo(4, 10))).voxels()).isEqualTo(clicked.voxels());
        assertThat(((Result) sessions.serve(new Reset(5, 10))).result().maskVoxels()).isZero();
    }

    @Test
    void whatTheWorkerCannotServeIsAFailedReplyWithACodeNeverAnException() {
        assertThat(code(sessions.serve(new Open(1, 10, 1, 0, "suv-grow", LabelKind.LESION)))).isEqualTo(ErrorCode.VOLUME_MISSING);
        sessions.load(new Volume(1, 0, lesion()));
        assertThat(code(sessions.serve(new Open(2, 10, 1, 0, "magic", LabelKind.LESION)))).isEqualTo(ErrorCode.INVALID);
        assertThat(code(sessions.serve(new Undo(3, 99)))).isEqualTo(ErrorCode.NOT_OPEN);

        sessions.serve(new Open(4, 11, 1, 0, "broken", LabelKind.LESION));
        Failed f = (Failed) sessions.serve(new Click(5, 11, new Voxel(12, 12, 12), true));
        assertThat(f.code()).isEqualTo(ErrorCode.ENGINE_FAILED);
        assertThat(f.message()).contains("CUDA out of memory");
    }

    @Test
    void releasedObjectsAreGoneAndEvictedVolumesMustBeSentAgain() {
        sessions.load(new Volume(1, 0, lesion()));
        sessions.serve(new Open(1, 10, 1, 0, "suv-grow", LabelKind.LESION));
        sessions.load(new Volume(2, 0, lesion()));  // the cache holds one volume: case 1 is evicted
        sessions.release(10);
        assertThat(sessions.openSessions()).isZero();
        assertThat(code(sessions.serve(new Click(2, 10, new Voxel(12, 12, 12), true)))).isEqualTo(ErrorCode.NOT_OPEN);
        assertThat(code(sessions.serve(new Open(3, 12, 1, 0, "suv-grow", LabelKind.LESION)))).isEqualTo(ErrorCode.VOLUME_MISSING);
    }

    private static ErrorCode code(Reply r) {
        assertThat(r).isInstanceOf(Failed.class);
        return ((Failed) r).code();
    }

    /** SUV 1 with a Gaussian lesion of peak SUV 8 at the centre (the backend's test case). */
    static PetVolume lesion() {
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
