package org.petal.segmentation.remote;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.petal.ml.dataset.LabelKind;
import org.petal.ml.segment.Box;
import org.petal.ml.segment.InteractionResult;
import org.petal.ml.segment.Voxel;
import org.petal.ml.volume.PetUnit;
import org.petal.ml.volume.PetVolume;
import org.petal.ml.volume.VolumeGeometry;
import org.petal.ml.worker.WorkerMessage.Click;
import org.petal.ml.worker.WorkerMessage.Failed;
import org.petal.ml.worker.WorkerMessage.Heartbeat;
import org.petal.ml.worker.WorkerMessage.Hello;
import org.petal.ml.worker.WorkerMessage.Open;
import org.petal.ml.worker.WorkerMessage.Opened;
import org.petal.ml.worker.WorkerMessage.Result;
import org.petal.ml.worker.WorkerMessage.Volume;
import org.petal.ml.worker.WorkerMessage.Welcome;
import org.petal.ml.worker.WorkerProtocol;
import org.petal.segmentation.InferenceWorker.CaseVolume;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The backend's side of {@code /ws/worker} as a hand-driven worker sees it, message by message. */
@RemoteWorkersApp
class RemoteWorkerProtocolTest {

    @LocalServerPort int port;
    @Autowired RemoteWorker remote;
    @Autowired WorkerRegistry registry;

    @Test
    void theBackendSendsTheVolumeBeforeTheOpenResendsAnEvictedOneAndTakesAResultLargerThanTheContainersFrameBuffer() throws Exception {
        try (RawWorker w = new RawWorker(port)) {
            w.send(new Hello(WorkerProtocol.VERSION, "raw", List.of("suv-grow"), 1));
            Welcome welcome = w.next(Welcome.class);
            assertThat(welcome.heartbeatMs()).isEqualTo(300);

            var opening = CompletableFuture.supplyAsync(() -> remote.open(new CaseVolume(77, 3, RemoteWorkerProtocolTest::cube),
                "suv-grow", LabelKind.LESION));
            Volume v = w.next(Volume.class);
            assertThat(v.caseId()).isEqualTo(77);
            assertThat(v.volume().voxels()).containsExactly(cube().voxels());
            Open open = w.next(Open.class);
            assertThat(open.caseId()).isEqualTo(77);
            assertThat(open.version()).isEqualTo(3);
            // As if the worker's cache had evicted the volume meanwhile: the backend sends it again and retries.
            w.send(new Failed(open.id(), WorkerProtocol.ErrorCode.VOLUME_MISSING, "case 77 version 3 is not loaded"));
            assertThat(w.next(Volume.class).caseId()).isEqualTo(77);
            open = w.next(Open.class);
            w.send(new Opened(open.id(), open.handle()));
            var handle = opening.get(10, TimeUnit.SECONDS);

            // Random 0/1 bytes barely compress: ~33 KB, four times Tomcat's 8 KiB whole-message buffer.
            Box box = new Box(0, 0, 0, 64, 64, 64);
            byte[] voxels = new byte[(int) box.voxelCount()];
            Random random = new Random(1);
            for (int n = 0; n < voxels.length; n++) {
                voxels[n] = (byte) random.nextInt(2);
            }
            var clicking = CompletableFuture.supplyAsync(() -> remote.click(handle, new Voxel(1, 2, 3), true));
            Click click = w.next(Click.class);
            assertThat(click.handle()).isEqualTo(open.handle());
            assertThat(click.voxel()).isEqualTo(new Voxel(1, 2, 3));
            var r = new InteractionResult(InteractionResult.Outcome.APPLIED, box, "", 1, 4096, 1, 3.5, 4.0);
            w.send(new Result(click.id(), click.handle(), r, voxels));

            var got = clicking.get(10, TimeUnit.SECONDS);
            assertThat(got.result()).isEqualTo(r);
            assertThat(got.changedVoxels()).isEqualTo(voxels);
            remote.release(handle);
        }
    }

    @Test
    void aWorkerThatSendsAnythingBeforeHelloIsClosedAsAProtocolViolation() throws Exception {
        try (RawWorker w = new RawWorker(port)) {
            w.send(new Heartbeat());
            assertThat(w.next(RawWorker.Closed.class).code()).isEqualTo(WorkerProtocol.CLOSE_PROTOCOL);
        }
        try (RawWorker w = new RawWorker(port)) {
            w.send(new Hello(WorkerProtocol.VERSION + 1, "future", List.of("suv-grow"), 1));
            assertThat(w.next(RawWorker.Closed.class).reason()).contains("protocol");
        }
    }

    @Test
    void aWorkerThatStopsHeartbeatingIsDroppedAfterTheLivenessTimeout() throws Exception {
        try (RawWorker w = new RawWorker(port)) {
            w.send(new Hello(WorkerProtocol.VERSION, "silent", List.of("suv-grow"), 1));
            w.next(Welcome.class);
            assertThat(registry.list()).extracting(WorkerConnection.WorkerView::name).contains("silent");
            assertThat(w.next(RawWorker.Closed.class).code()).isEqualTo(WorkerProtocol.CLOSE_LIVENESS);
            assertThat(registry.list()).extracting(WorkerConnection.WorkerView::name).doesNotContain("silent");
        }
    }

    /** A 6x5x4 volume with distinct values, so a reordered or truncated voxel would show. */
    private static PetVolume cube() {
        float[] v = new float[6 * 5 * 4];
        for (int n = 0; n < v.length; n++) {
            v[n] = n / 10f;
        }
        return new PetVolume(VolumeGeometry.axisAligned(6, 5, 4, 4, 4, 4, new double[3]), v, PetUnit.SUV_BW, null);
    }
}
