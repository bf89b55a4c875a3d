package org.petal.ml.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.petal.ml.dataset.LabelKind;
import org.petal.ml.segment.Box;
import org.petal.ml.segment.InteractionResult;
import org.petal.ml.segment.Voxel;
import org.petal.ml.volume.PetUnit;
import org.petal.ml.volume.PetVolume;
import org.petal.ml.volume.VolumeGeometry;
import org.petal.ml.worker.WorkerMessage.*;
import org.petal.ml.worker.WorkerProtocol.ErrorCode;

/** Every worker-protocol message on the wire: the exact JSON documented in docs/workers.md, and back. */
class WorkerCodecTest {

    @Test
    void everyTextMessageIsWrittenAsDocumentedAndReadBackEqual() {
        golden(new Hello(1, "gpu-1", List.of("suv-grow", "segany"), 2),
            "{\"type\":\"hello\",\"protocol\":1,\"name\":\"gpu-1\",\"capacity\":2,\"engines\":[\"suv-grow\",\"segany\"]}");
        golden(new Heartbeat(), "{\"type\":\"heartbeat\"}");
        golden(new Welcome(1, "w3", 10000), "{\"type\":\"welcome\",\"protocol\":1,\"workerId\":\"w3\",\"heartbeatMs\":10000}");
        golden(new Open(7, 3, 12, 0, "suv-grow", LabelKind.LESION),
            "{\"type\":\"open\",\"caseId\":12,\"version\":0,\"engine\":\"suv-grow\",\"kind\":\"lesion\",\"id\":7,\"handle\":3}");
        golden(new Click(8, 3, new Voxel(12, 11, 10), true),
            "{\"type\":\"click\",\"include\":true,\"voxel\":[12,11,10],\"id\":8,\"handle\":3}");
        golden(new Undo(9, 3), "{\"type\":\"undo\",\"id\":9,\"handle\":3}");
        golden(new Redo(10, 3), "{\"type\":\"redo\",\"id\":10,\"handle\":3}");
        golden(new Reset(11, 3), "{\"type\":\"reset\",\"id\":11,\"handle\":3}");
        golden(new Release(3), "{\"type\":\"release\",\"handle\":3}");
        golden(new Opened(7, 3), "{\"type\":\"opened\",\"id\":7,\"handle\":3}");
        golden(new Failed(8, ErrorCode.VOLUME_MISSING, "case 12 version 0 is not loaded"),
            "{\"type\":\"failed\",\"id\":8,\"code\":\"VOLUME_MISSING\",\"message\":\"case 12 version 0 is not loaded\"}");
    }

    @Test
    void aVolumeFrameCarriesGeometryUnitAndEveryVoxelExactly() {
        VolumeGeometry g = new VolumeGeometry(5, 4, 3, new double[] {4, 4, 2.5}, new double[] {-10, 20.5, 30},
            new double[] {1, 0, 0, 0, -1, 0, 0, 0, 1});
        float[] v = new float[60];
        for (int n = 0; n < v.length; n++) {
            v[n] = n * 0.37f - 3;
        }
        byte[] frame = WorkerCodec.binary(new Volume(12, 4, new PetVolume(g, v, PetUnit.SUV_BW, null)));

        assertThat(frame).startsWith('P', 'T', 'W', 'F');
        Volume back = (Volume) WorkerCodec.readBinary(frame, 1000);
        assertThat(back.caseId()).isEqualTo(12);
        assertThat(back.version()).isEqualTo(4);
        assertThat(back.volume().geometry()).isEqualTo(g);
        assertThat(back.volume().unit()).isEqualTo(PetUnit.SUV_BW);
        assertThat(back.volume().voxels()).containsExactly(v);
    }

    @Test
    void aResultFrameCarriesTheOutcomeAndTheChangedBoxVoxels() {
        Box box = new Box(1, 2, 3, 4, 4, 5);
        byte[] voxels = new byte[(int) box.voxelCount()];
        voxels[0] = 1;
        voxels[voxels.length - 1] = 1;
        var r = new InteractionResult(InteractionResult.Outcome.APPLIED, box, "", 1, 2, 1, 1.5, 2.25);

        Result back = (Result) WorkerCodec.readBinary(WorkerCodec.binary(new Result(8, 3, r, voxels)), 1000);

        assertThat(back.id()).isEqualTo(8);
        assertThat(back.handle()).isEqualTo(3);
        assertThat(back.result()).isEqualTo(r);
        assertThat(back.voxels()).containsExactly(voxels);
        var refused = new InteractionResult(InteractionResult.Outcome.REFUSED, Box.EMPTY, "nothing to undo", 0, 0, 0, 0, 0);
        assertThat(((Result) WorkerCodec.readBinary(WorkerCodec.binary(new Result(9, 3, refused, new byte[0])), 10)).result())
            .isEqualTo(refused);
    }

    @Test
    void brokenFramesAreBadFramesNamingTheProblem() {
        assertThatThrownBy(() -> WorkerCodec.readText("{not json")).isInstanceOf(WorkerCodec.BadFrame.class);
        assertThatThrownBy(() -> WorkerCodec.readText("{\"type\":\"teleport\"}")).hasMessageContaining("teleport");
        assertThatThrownBy(() -> WorkerCodec.readText("{\"type\":\"click\",\"id\":1,\"handle\":2,\"voxel\":[1,2],\"include\":true}"))
            .hasMessageContaining("voxel");
        assertThatThrownBy(() -> WorkerCodec.readText("{\"type\":\"undo\",\"id\":1.5,\"handle\":2}")).hasMessageContaining("'id'");
        assertThatThrownBy(() -> WorkerCodec.readBinary(new byte[] {1, 2, 3}, 10)).isInstanceOf(WorkerCodec.BadFrame.class);

        byte[] big = WorkerCodec.binary(new Volume(1, 0, new PetVolume(VolumeGeometry.axisAligned(10, 10, 10, 1, 1, 1, new double[3]),
            new float[1000], PetUnit.SUV_BW, null)));
        assertThatThrownBy(() -> WorkerCodec.readBinary(big, 999)).hasMessageContaining("limit");
        byte[] truncated = java.util.Arrays.copyOf(big, big.length - 4);
        assertThatThrownBy(() -> WorkerCodec.readBinary(truncated, 1000)).isInstanceOf(WorkerCodec.BadFrame.class);
        byte[] otherVersion = big.clone();
        ByteBuffer.wrap(otherVersion).order(ByteOrder.LITTLE_ENDIAN).put(WorkerProtocol.FRAME_OFFSET_VERSION, (byte) 9);
        assertThatThrownBy(() -> WorkerCodec.readBinary(otherVersion, 1000)).hasMessageContaining("version 9");
    }

    private static void golden(WorkerMessage m, String json) {
        assertThat(WorkerCodec.isBinary(m)).isFalse();
        assertThat(WorkerCodec.text(m)).isEqualTo(json);
        assertThat(WorkerCodec.readText(json)).isEqualTo(m);
    }
}
