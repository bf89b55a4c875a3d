package org.petal.segmentation.remote;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.petal.assignment.ProjectProgressService;
import org.petal.cases.CaseService;
import org.petal.ml.dataset.LabelKind;
import org.petal.ml.segment.Voxel;
import org.petal.segmentation.InferenceWorker.CaseVolume;
import org.petal.support.TestData;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Each worker's recent round trips reach {@code GET /api/workers} and the lead's progress dashboard. */
@RemoteWorkersApp
class WorkerLatencyTest {

    @LocalServerPort int port;
    @Autowired TestData data;
    @Autowired RemoteWorker remote;
    @Autowired WorkerRegistry registry;
    @Autowired CaseService cases;
    @Autowired ProjectProgressService progress;

    private TestWorkers workers;

    @BeforeEach
    void startWorkers() {
        workers = new TestWorkers(port, registry);
    }

    @AfterEach
    void stopWorkers() throws InterruptedException {
        workers.close();
    }

    @Test
    void aWorkerHasNoLatencyUntilItAnswersAndThenItsMedianAndP95OfRecentReplies() {
        var s = data.scenario();
        var w = workers.start("timed");
        assertThat(workers.viewOf(w).latencyMedianMs()).isNull();
        assertThat(workers.viewOf(w).latencySamples()).isZero();

        var c = s.petCase();
        var h = remote.open(new CaseVolume(c.id(), c.version(), () -> cases.volume(s.team().lead(), c.id())), "suv-grow",
            LabelKind.LESION);
        remote.click(h, new Voxel(12, 12, 12), true);
        remote.undo(h);
        remote.release(h);

        var view = workers.viewOf(w);
        assertThat(view.latencySamples()).as("open, click and undo were answered").isEqualTo(3);
        assertThat(view.latencyMedianMs()).isPositive();
        assertThat(view.latencyP95Ms()).isGreaterThanOrEqualTo(view.latencyMedianMs());

        var dashboard = progress.of(s.team().lead(), s.project().id()).workers();
        assertThat(dashboard.mode()).isEqualTo("auto");
        assertThat(dashboard.workers()).filteredOn(x -> x.name().equals(w.name())).singleElement().satisfies(x -> {
            assertThat(x.latencySamples()).isEqualTo(3);
            assertThat(x.capacity()).isEqualTo(1);
            assertThat(x.queued()).isZero();
        });
        assertThat(dashboard.note()).contains("connected");
    }
}
