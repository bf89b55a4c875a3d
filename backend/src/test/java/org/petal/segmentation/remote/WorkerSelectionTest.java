package org.petal.segmentation.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.petal.ml.dataset.LabelKind;
import org.petal.ml.segment.Box;
import org.petal.ml.segment.InteractionResult;
import org.petal.ml.segment.Voxel;
import org.petal.segmentation.InferenceWorker;
import org.petal.segmentation.InferenceWorker.CaseVolume;
import org.petal.segmentation.InferenceWorker.EngineFailure;
import org.springframework.util.unit.DataSize;

/** Which worker an object is opened in, per mode, without Spring and without a connected worker. */
class WorkerSelectionTest {

    private final RecordingWorker local = new RecordingWorker();
    private final WorkerRegistry registry = new WorkerRegistry();
    private final CaseVolume volume = new CaseVolume(1, 0, () -> {
        throw new AssertionError("no worker should read the volume here");
    });

    @Test
    void autoModeWithoutAWorkerRunsObjectsInProcessUnderHandlesOfItsOwn() {
        var selecting = selecting(WorkerProperties.Mode.AUTO);
        var a = selecting.open(volume, "suv-grow", LabelKind.LESION);
        var b = selecting.open(volume, "suv-grow", LabelKind.ORGAN);

        assertThat(a.id()).as("the local worker gave both the same id; the selector must not").isNotEqualTo(b.id());
        assertThat(selecting.isRemote(a)).isFalse();
        selecting.undo(b);
        selecting.release(a);
        assertThat(local.calls).containsExactly("open", "open", "undo ORGAN", "release LESION");
        assertThatThrownBy(() -> selecting.undo(a)).isInstanceOf(IllegalStateException.class);
        assertThat(selecting.engines()).contains("suv-grow", "local-only");
    }

    @Test
    void remoteModeWithoutAWorkerFailsOpenWithARetryableEngineFailureAndNeverFallsBack() {
        var selecting = selecting(WorkerProperties.Mode.REMOTE);
        assertThatThrownBy(() -> selecting.open(volume, "suv-grow", LabelKind.LESION)).isInstanceOf(EngineFailure.class)
            .hasMessageContaining("no inference worker that runs suv-grow is connected");
        assertThat(local.calls).isEmpty();
        assertThat(selecting.engines()).as("what Petal knows, so the sitting's error is the retryable one")
            .contains("suv-grow").doesNotContain("local-only");
    }

    @Test
    void remoteModeNeedsAToken() {
        assertThatThrownBy(() -> properties(WorkerProperties.Mode.REMOTE, "short")).hasMessageContaining("petal.workers.token");
        assertThat(properties(WorkerProperties.Mode.IN_PROCESS, "").toString()).doesNotContain("secret");
        assertThat(properties(WorkerProperties.Mode.AUTO, "secret-0123456789abcdef").toString()).doesNotContain("secret-");
    }

    private SelectingWorker selecting(WorkerProperties.Mode mode) {
        var p = properties(mode, "token-0123456789abcdef");
        return new SelectingWorker(local, new RemoteWorker(registry, p), registry, mode);
    }

    private static WorkerProperties properties(WorkerProperties.Mode mode, String token) {
        return new WorkerProperties(mode, token, Duration.ofSeconds(30), Duration.ofSeconds(10), Duration.ofSeconds(30),
            DataSize.ofMegabytes(256));
    }

    /** Gives every object id 1, as two independent workers' first objects would be. */
    private static final class RecordingWorker implements InferenceWorker {
        final List<String> calls = new ArrayList<>();

        @Override
        public Set<String> engines() {
            return Set.of("suv-grow", "local-only");
        }

        @Override
        public Handle open(CaseVolume volume, String engine, LabelKind kind) {
            calls.add("open");
            return new Handle(1, engine, kind);
        }

        @Override
        public WorkerResult click(Handle object, Voxel voxel, boolean include) {
            return record("click " + object.kind());
        }

        @Override
        public WorkerResult undo(Handle object) {
            return record("undo " + object.kind());
        }

        @Override
        public WorkerResult redo(Handle object) {
            return record("redo " + object.kind());
        }

        @Override
        public WorkerResult reset(Handle object) {
            return record("reset " + object.kind());
        }

        @Override
        public void release(Handle object) {
            calls.add("release " + object.kind());
        }

        private WorkerResult record(String call) {
            calls.add(call);
            return new WorkerResult(new InteractionResult(InteractionResult.Outcome.NO_CHANGE, Box.EMPTY, "", 0, 0, 0, 0, 0),
                new byte[0]);
        }
    }
}
