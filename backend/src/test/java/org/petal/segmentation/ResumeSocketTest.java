package org.petal.segmentation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.petal.annotation.RevisionService;
import org.petal.ml.segment.InteractionResult.Outcome;
import org.petal.segmentation.Message.Index3;
import org.petal.support.PetalTest;
import org.petal.support.TestData;
import org.petal.users.Actor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Work in progress survives a reload: a socket that drops leaves its sitting parked, and the same user's
 * {@code resume} on a new socket takes it over with its masks, undo history and unaccepted edits. Accepted
 * revisions are the base of later sittings, so nothing accepted is lost by accepting again.
 */
@PetalTest
class ResumeSocketTest {

    private static final Index3 LESION = new Index3(12, 12, 12);

    @LocalServerPort int port;
    @Autowired TestData data;
    @Autowired RevisionService revisions;

    @Test
    void aDroppedSocketsUnacceptedClickIsResumedWithItsMaskAndItsUndoHistory() throws Exception {
        var s = data.scenario();
        Actor ann = s.team().annotator();
        long id = s.assignment().id();
        MaskDelta grown;
        try (TestSocket first = connect(ann)) {
            first.send(new Message.Open(id, 2, null));
            first.next(Message.Ready.class);
            first.send(new Message.Click(LESION, true));
            grown = first.next(MaskDelta.class);
            first.next(Message.Result.class);
        }  // closed without "close": a reload

        try (TestSocket second = connect(ann)) {
            second.send(new Message.Resume(id));
            MaskDelta restored = second.next(MaskDelta.class);
            var resumed = second.next(Message.Resumed.class);
            assertThat(resumed.sessionId()).isNotNull();
            assertThat(resumed.unsaved()).isTrue();
            assertThat(resumed.baseRevisionId()).isNull();
            assertThat(resumed.objects()).singleElement().satisfies(o -> {
                assertThat(o.labelValue()).isEqualTo(2);
                assertThat(o.prompts()).isEqualTo(1);
                assertThat(o.maskVoxels()).isEqualTo(ones(grown));
            });
            assertThat(restored.box()).isEqualTo(grown.box());
            assertThat(restored.voxels()).isEqualTo(grown.voxels());

            second.send(new Message.Undo());  // the history came along
            assertThat(second.next(MaskDelta.class).voxels()).containsOnly(0);
            assertThat(second.next(Message.Result.class).outcome()).isEqualTo(Outcome.APPLIED);
        }
    }

    @Test
    void withNothingParkedResumeNamesTheNewestRevisionAsTheBaseAndANewAcceptKeepsIt() throws Exception {
        var s = data.scenario();
        Actor ann = s.team().annotator();
        long id = s.assignment().id();
        long firstRevision;
        try (TestSocket socket = connect(ann)) {
            socket.send(new Message.Open(id, 2, null));
            socket.next(Message.Ready.class);
            socket.send(new Message.Click(LESION, true));
            socket.next(MaskDelta.class);
            socket.next(Message.Result.class);
            socket.send(new Message.Accept());
            firstRevision = socket.next(Message.Accepted.class).revisionId();
            socket.send(new Message.Close());
            socket.next(Message.Closed.class);
        }

        try (TestSocket socket = connect(ann)) {
            socket.send(new Message.Resume(id));
            var resumed = socket.next(Message.Resumed.class);
            assertThat(resumed.sessionId()).as("a closed sitting is not kept").isNull();
            assertThat(resumed.objects()).isEmpty();
            assertThat(resumed.baseRevisionId()).isEqualTo(firstRevision);

            socket.send(new Message.Open(id, 1, null));  // another label, nothing clicked on it
            socket.next(Message.Ready.class);
            socket.send(new Message.Accept());
            long second = socket.next(Message.Accepted.class).revisionId();
            assertThat(revisions.labels(ann, second)).as("the new revision keeps the accepted lesion")
                .isEqualTo(revisions.labels(ann, firstRevision));
        }
    }

    @Test
    void nobodyElseCanResumeAnAnnotatorsSitting() throws Exception {
        var s = data.scenario();
        long id = s.assignment().id();
        try (TestSocket first = connect(s.team().annotator())) {
            first.send(new Message.Open(id, 2, null));
            first.next(Message.Ready.class);
        }
        try (TestSocket other = connect(s.team().annotator2())) {
            other.send(new Message.Resume(id));
            assertThat(other.nextError().code()).isEqualTo(Protocol.ErrorCode.NOT_FOUND);
        }
    }

    private TestSocket connect(Actor actor) throws Exception {
        return TestSocket.connect(port, actor.username(), "password-" + actor.username());
    }

    private static long ones(MaskDelta d) {
        long n = 0;
        for (byte b : d.voxels()) {
            n += b;
        }
        return n;
    }
}
