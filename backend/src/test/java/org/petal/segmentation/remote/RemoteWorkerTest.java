package org.petal.segmentation.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.petal.cases.CaseService;
import org.petal.ml.dataset.LabelKind;
import org.petal.ml.segment.InteractionResult.Outcome;
import org.petal.ml.segment.Voxel;
import org.petal.segmentation.InferenceWorker.CaseVolume;
import org.petal.segmentation.InferenceWorker.EngineFailure;
import org.petal.segmentation.InferenceWorker.Handle;
import org.petal.support.TestData;
import org.petal.users.Actor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;

/** {@link RemoteWorker} against real worker clients connected to the running application over {@code /ws/worker}. */
@RemoteWorkersApp
class RemoteWorkerTest {

    private static final Voxel LESION_CENTRE = new Voxel(12, 12, 12);

    @LocalServerPort int port;
    @Autowired TestData data;
    @Autowired RemoteWorker remote;
    @Autowired WorkerRegistry registry;
    @Autowired CaseService cases;
    @Autowired TestRestTemplate rest;

    private TestWorkers workers;
    private TestData.Scenario scenario;
    private final AtomicInteger volumeReads = new AtomicInteger();

    @BeforeEach
    void startWorkers() {
        workers = new TestWorkers(port, registry);
        scenario = data.scenario();
    }

    @AfterEach
    void stopWorkers() throws InterruptedException {
        workers.close();
    }

    @Test
    void aConnectedWorkerOpensTheCaseVolumeGrowsTheLesionOnAClickAndUndoesIt() {
        var w = workers.start("alpha");
        Handle h = remote.open(caseVolume(), "suv-grow", LabelKind.LESION);

        var clicked = remote.click(h, LESION_CENTRE, true);
        assertThat(clicked.result().outcome()).isEqualTo(Outcome.APPLIED);
        var box = clicked.result().changed();
        assertThat(clicked.changedVoxels()).hasSize((int) box.voxelCount());
        assertThat(clicked.changedVoxels()[box.localIndex(12, 12, 12)]).isEqualTo((byte) 1);
        assertThat(clicked.result().maskVoxels()).isPositive();
        assertThat(clicked.result().totalMs()).isGreaterThanOrEqualTo(clicked.result().modelMs());

        var undone = remote.undo(h);
        assertThat(undone.result().changed()).isEqualTo(box);
        assertThat(undone.changedVoxels()).containsOnly(0);
        remote.release(h);
        assertThat(w.client().served()).isEqualTo(3);
        TestWorkers.await(() -> w.client().openSessions() == 0, "the release reached the worker");
    }

    @Test
    void aCaseVolumeIsReadAndSentOncePerWorkerAndCaseVersion() {
        workers.start("alpha");
        CaseVolume v = caseVolume();
        remote.release(remote.open(v, "suv-grow", LabelKind.LESION));
        remote.release(remote.open(v, "suv-grow", LabelKind.ORGAN));
        assertThat(volumeReads).hasValue(1);
    }

    @Test
    void everyCallOfAnObjectGoesToTheWorkerThatOpenedItAndNewObjectsSpreadOverWorkers() {
        var a = workers.start("alpha");
        var b = workers.start("beta");
        Handle first = remote.open(caseVolume(), "suv-grow", LabelKind.LESION);
        Handle second = remote.open(caseVolume(), "suv-grow", LabelKind.LESION);
        assertThat(remote.workerOf(first)).as("the second object goes to the idle worker").isNotEqualTo(remote.workerOf(second));

        remote.click(first, LESION_CENTRE, true);
        remote.undo(first);
        remote.redo(first);
        remote.reset(first);
        remote.click(second, LESION_CENTRE, true);

        var holdsFirst = workers.idOf(a).equals(remote.workerOf(first)) ? a : b;
        var holdsSecond = holdsFirst == a ? b : a;
        assertThat(holdsFirst.client().served()).as("open + 4 edits, all on one worker").isEqualTo(5);
        assertThat(holdsSecond.client().served()).as("open + 1 click").isEqualTo(2);
    }

    @Test
    void leadsSeeEachWorkerWithItsEnginesAndQueueDepthAndAnnotatorsAreRefused() throws Exception {
        var w = workers.start("alpha");
        Handle h = remote.open(caseVolume(), "suv-grow", LabelKind.LESION);
        w.engine().hold();
        var click = CompletableFuture.supplyAsync(() -> remote.click(h, LESION_CENTRE, true));
        w.engine().awaitEntered();
        var open = CompletableFuture.supplyAsync(() -> remote.open(caseVolume(), "suv-grow", LabelKind.ORGAN));
        TestWorkers.await(() -> workers.viewOf(w).queued() == 1, "the open waits behind the held click");

        JsonNode listed = workersAs(scenario.team().lead());
        assertThat(listed.get("mode").asText()).isEqualTo("auto");
        JsonNode alpha = null;
        for (JsonNode n : listed.get("workers")) {
            alpha = n.get("name").asText().equals(w.name()) ? n : alpha;
        }
        assertThat(alpha).as("listed").isNotNull();
        assertThat(alpha.get("engines").get(0).asText()).isEqualTo("suv-grow");
        assertThat(alpha.get("capacity").asInt()).isEqualTo(1);
        assertThat(alpha.get("inFlight").asInt()).isEqualTo(1);
        assertThat(alpha.get("queued").asInt()).isEqualTo(1);
        assertThat(alpha.get("objects").asInt()).isEqualTo(1);
        assertThat(alpha.get("lastHeartbeat").asText()).isNotBlank();
        assertThat(rest.withBasicAuth(scenario.team().annotator().username(), "password-" + scenario.team().annotator().username())
            .getForEntity("/api/workers", String.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);

        w.engine().release();
        assertThat(click.get(10, TimeUnit.SECONDS).result().outcome()).isEqualTo(Outcome.APPLIED);
        remote.release(open.get(10, TimeUnit.SECONDS));
        remote.release(h);
        TestWorkers.await(() -> workers.viewOf(w).inFlight() == 0 && workers.viewOf(w).objects() == 0, "an idle worker");
    }

    @Test
    void aWorkerThatDiesMidRequestFailsTheCallAtOnceWithTheRetryMessageAndLeavesTheRegistry() throws Exception {
        var w = workers.start("doomed");
        Handle h = remote.open(caseVolume(), "suv-grow", LabelKind.LESION);
        w.engine().hold();
        var click = CompletableFuture.supplyAsync(() -> remote.click(h, LESION_CENTRE, true));
        w.engine().awaitEntered();
        long stopped = System.nanoTime();
        w.client().stop();

        assertThat(click).failsWithin(RemoteWorkersApp.REQUEST_TIMEOUT_MS * 3, TimeUnit.MILLISECONDS)
            .withThrowableOfType(java.util.concurrent.ExecutionException.class)
            .havingCause().isInstanceOf(EngineFailure.class)
            .withMessage("the inference worker went away; open the object again to retry");
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - stopped))
            .as("the close fails the request, not the timeout").isLessThan(RemoteWorkersApp.REQUEST_TIMEOUT_MS);
        workers.awaitGone(w);
        assertThatThrownBy(() -> remote.undo(h)).isInstanceOf(EngineFailure.class).hasMessageContaining("open the object again");
        remote.release(h);
        remote.release(h);
    }

    @Test
    void aWorkerThatDoesNotAnswerInTimeFailsTheCallAndItsObjectMustBeOpenedAgain() throws Exception {
        var w = workers.start("slow");
        Handle h = remote.open(caseVolume(), "suv-grow", LabelKind.LESION);
        w.engine().hold();
        long start = System.nanoTime();
        assertThatThrownBy(() -> remote.click(h, LESION_CENTRE, true)).isInstanceOf(EngineFailure.class)
            .hasMessage("the inference worker did not answer within 2 s; open the object again to retry");
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isBetween(RemoteWorkersApp.REQUEST_TIMEOUT_MS - 100,
            RemoteWorkersApp.REQUEST_TIMEOUT_MS * 3);
        assertThat(workers.viewOf(w).inFlight()).as("it is still busy with the request").isEqualTo(1);
        assertThatThrownBy(() -> remote.undo(h)).isInstanceOf(EngineFailure.class).hasMessageContaining("open the object again");

        w.engine().release();
        TestWorkers.await(() -> workers.viewOf(w).inFlight() == 0, "the late reply arrived and was dropped");
        Handle again = remote.open(caseVolume(), "suv-grow", LabelKind.LESION);
        assertThat(remote.click(again, LESION_CENTRE, true).result().outcome()).isEqualTo(Outcome.APPLIED);
        remote.release(again);
        remote.release(h);
    }

    @Test
    void aWorkerReconnectsAfterTheBackendDropsItOrItsConnectionFailsAndServesAgain() {
        var w = workers.start("phoenix");
        String firstId = workers.awaitRegistered(w);
        Handle h = remote.open(caseVolume(), "suv-grow", LabelKind.LESION);

        assertThat(registry.drop(firstId, "test")).isTrue();
        assertThatThrownBy(() -> remote.click(h, LESION_CENTRE, true)).isInstanceOf(EngineFailure.class)
            .hasMessageContaining("went away");
        TestWorkers.await(() -> workers.idOf(w) != null && !workers.idOf(w).equals(firstId), "registered again");
        assertThat(w.client().connections()).isEqualTo(2);

        Handle again = remote.open(caseVolume(), "suv-grow", LabelKind.LESION);
        assertThat(remote.click(again, LESION_CENTRE, true).result().outcome()).isEqualTo(Outcome.APPLIED);

        String secondId = workers.idOf(w);
        w.client().dropConnection();  // now the network fails on the worker's side
        TestWorkers.await(() -> workers.idOf(w) != null && !workers.idOf(w).equals(secondId), "registered a third time");
        assertThat(w.client().connections()).isEqualTo(3);
        assertThatThrownBy(() -> remote.undo(again)).isInstanceOf(EngineFailure.class).hasMessageContaining("went away");
        remote.release(again);
        remote.release(h);
    }

    @Test
    void withoutAWorkerForTheEngineOpenFailsWithARetryableEngineFailure() {
        assertThat(registry.runs("suv-grow")).isFalse();
        assertThatThrownBy(() -> remote.open(caseVolume(), "suv-grow", LabelKind.LESION)).isInstanceOf(EngineFailure.class)
            .hasMessageContaining("no inference worker that runs suv-grow is connected");
    }

    private CaseVolume caseVolume() {
        var c = scenario.petCase();
        Actor lead = scenario.team().lead();
        return new CaseVolume(c.id(), c.version(), () -> {
            volumeReads.incrementAndGet();
            return cases.volume(lead, c.id());
        });
    }

    private JsonNode workersAs(Actor a) throws Exception {
        var r = rest.withBasicAuth(a.username(), "password-" + a.username()).getForEntity("/api/workers", JsonNode.class);
        assertThat(r.getStatusCode()).isEqualTo(HttpStatus.OK);
        return r.getBody();
    }
}
