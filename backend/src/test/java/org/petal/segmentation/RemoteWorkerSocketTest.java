package org.petal.segmentation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.petal.annotation.RevisionService;
import org.petal.ml.segment.InteractionResult.Outcome;
import org.petal.segmentation.Message.Index3;
import org.petal.segmentation.Protocol.ErrorCode;
import org.petal.segmentation.remote.RemoteWorkersApp;
import org.petal.segmentation.remote.TestWorkers;
import org.petal.segmentation.remote.WorkerRegistry;
import org.petal.support.TestData;
import org.petal.users.Actor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A browser's sitting ({@code /ws/annotate}) while its engine runs in a remote worker that dies. */
@RemoteWorkersApp
class RemoteWorkerSocketTest {

    private static final Index3 LESION_CENTRE = new Index3(12, 12, 12);

    @LocalServerPort int port;
    @Autowired TestData data;
    @Autowired WorkerRegistry registry;
    @Autowired RevisionService revisions;

    @Test
    void aWorkerThatDiesMidClickGivesARetryableErrorAndNoAcceptedRevisionIsLost() throws Exception {
        var s = data.scenario();
        Actor ann = s.team().annotator();
        long id = s.assignment().id();
        try (TestWorkers workers = new TestWorkers(port, registry);
             TestSocket socket = TestSocket.connect(port, ann.username(), "password-" + ann.username())) {
            var w = workers.start("socket");
            socket.send(new Message.Open(id, 2, null));
            socket.next(Message.Ready.class);
            socket.send(new Message.Click(LESION_CENTRE, true));
            socket.next(MaskDelta.class);
            assertThat(socket.next(Message.Result.class).outcome()).isEqualTo(Outcome.APPLIED);
            assertThat(w.client().served()).as("the click ran in the worker").isEqualTo(2);
            socket.send(new Message.Accept());
            long first = socket.next(Message.Accepted.class).revisionId();

            w.engine().hold();
            socket.send(new Message.Click(new Index3(13, 12, 12), true));
            w.engine().awaitEntered();
            w.client().stop();
            var error = socket.nextError();
            assertThat(error.code()).isEqualTo(ErrorCode.ENGINE_FAILED);
            assertThat(error.retryable()).isTrue();
            assertThat(error.message()).isEqualTo("the inference worker went away; open the object again to retry");
            workers.awaitGone(w);

            // The user retries: with no worker left, auto mode runs the new object in-process.
            socket.send(new Message.Open(id, 2, null));
            assertThat(socket.next(Message.Ready.class).objectId()).isEqualTo(2);
            socket.send(new Message.Click(LESION_CENTRE, true));
            socket.next(MaskDelta.class);
            assertThat(socket.next(Message.Result.class).outcome()).isEqualTo(Outcome.APPLIED);
            socket.send(new Message.Accept());
            long second = socket.next(Message.Accepted.class).revisionId();

            assertThat(revisions.list(ann, id)).extracting(RevisionService.RevisionView::id).contains(first, second);
            byte[] labels = revisions.labels(ann, second);
            assertThat(labels[12 + TestData.N * (12 + TestData.N * 12)]).isEqualTo((byte) 2);
        }
    }
}
