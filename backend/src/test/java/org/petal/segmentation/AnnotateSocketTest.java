package org.petal.segmentation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.petal.annotation.EventType;
import org.petal.annotation.InteractionEvent;
import org.petal.annotation.InteractionLog;
import org.petal.annotation.RevisionService;
import org.petal.assignment.AssignmentService;
import org.petal.assignment.AssignmentState;
import org.petal.ml.segment.InteractionResult.Outcome;
import org.petal.segmentation.Message.Index3;
import org.petal.segmentation.Protocol.ErrorCode;
import org.petal.support.PetalTest;
import org.petal.support.TestData;
import org.petal.users.Actor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.socket.CloseStatus;

/** {@code /ws/annotate} end to end: a real socket against the running application, as a browser would use it. */
@PetalTest
class AnnotateSocketTest {

    private static final Index3 LESION_CENTRE = new Index3(12, 12, 12);

    @LocalServerPort int port;
    @Autowired TestData data;
    @Autowired RevisionService revisions;
    @Autowired InteractionLog log;
    @Autowired AssignmentService assignments;

    @Test
    void anAnnotatorClicksTheLesionUndoesRedoesAndAcceptsItAsARevision() throws Exception {
        var s = data.scenario();
        Actor ann = s.team().annotator();
        long id = s.assignment().id();
        try (TestSocket socket = connect(ann)) {
            socket.send(new Message.Open(id, 2, null));
            var ready = socket.next(Message.Ready.class);
            assertThat(ready.labelValue()).isEqualTo(2);
            assertThat(ready.engine()).isEqualTo("suv-grow");
            assertThat(ready.dims()).isEqualTo(new Index3(TestData.N, TestData.N, TestData.N));

            socket.send(new Message.Click(LESION_CENTRE, true));
            MaskDelta grown = socket.next(MaskDelta.class);
            var clicked = socket.next(Message.Result.class);
            assertThat(clicked.outcome()).isEqualTo(Outcome.APPLIED);
            assertThat(clicked.delta()).isTrue();
            assertThat(grown.labelValue()).isEqualTo(2);
            assertThat(valueAt(grown, LESION_CENTRE)).as("the clicked voxel is in the mask").isEqualTo(1);
            assertThat(clicked.changed()).isEqualTo(Message.Region.of(grown.box()));
            assertThat(clicked.maskVoxels()).isPositive().isEqualTo(ones(grown));
            assertThat(clicked.totalMs()).isGreaterThanOrEqualTo(clicked.modelMs());

            socket.send(new Message.Undo());
            MaskDelta cleared = socket.next(MaskDelta.class);
            assertThat(cleared.box()).isEqualTo(grown.box());
            assertThat(cleared.voxels()).containsOnly(0);
            assertThat(socket.next(Message.Result.class).maskVoxels()).isZero();

            socket.send(new Message.Redo());
            assertThat(socket.next(MaskDelta.class).voxels()).isEqualTo(grown.voxels());
            assertThat(socket.next(Message.Result.class).maskVoxels()).isEqualTo(clicked.maskVoxels());

            socket.send(new Message.Accept());
            var accepted = socket.next(Message.Accepted.class);
            assertThat(accepted.labelledVoxels()).isEqualTo(clicked.maskVoxels());
            assertThat(revisions.list(ann, id)).extracting(RevisionService.RevisionView::id).contains(accepted.revisionId());
            byte[] labels = revisions.labels(ann, accepted.revisionId());
            assertThat(labels[12 + TestData.N * (12 + TestData.N * 12)]).isEqualTo((byte) 2);
        }
        assertThat(log.events(ann, id)).extracting(InteractionEvent::getType)
            .containsSubsequence(EventType.OPEN, EventType.CLICK_INCLUDE, EventType.UNDO, EventType.REDO, EventType.ACCEPT);
        assertThat(log.events(ann, id)).filteredOn(e -> e.getType() == EventType.CLICK_INCLUDE).singleElement()
            .satisfies(e -> {
                assertThat(e.getEngine()).isEqualTo("suv-grow");
                assertThat(e.getLabelValue()).isEqualTo(2);
                assertThat(e.getLatencyMs()).isNotNull().isPositive();
            });
    }

    @Test
    void anotherAnnotatorCannotOpenSomeoneElsesAssignmentAndTheirSocketStaysOpen() throws Exception {
        var s = data.scenario();
        try (TestSocket socket = connect(s.team().annotator2())) {
            socket.send(new Message.Open(s.assignment().id(), 2, null));
            var error = socket.nextError();
            assertThat(error.code()).isIn(ErrorCode.NOT_FOUND, ErrorCode.FORBIDDEN);
            assertThat(error.retryable()).isFalse();
            socket.assertStillOpen();
        }
        assertThat(assignments.get(s.team().lead(), s.assignment().id()).state())
            .as("nobody started it").isEqualTo(AssignmentState.ASSIGNED);
    }

    @Test
    void malformedMessagesAreAnsweredWithBadMessageAndTheSocketStaysOpen() throws Exception {
        var s = data.scenario();
        try (TestSocket socket = connect(s.team().annotator())) {
            for (String bad : List.of("{not json", "{\"type\":\"teleport\"}", "{\"type\":\"click\",\"voxel\":[1,2]}",
                ProtocolGoldenTest.golden("ready"))) {
                socket.sendRaw(bad);
                var error = socket.nextError();
                assertThat(error.code()).as(bad).isEqualTo(ErrorCode.BAD_MESSAGE);
                assertThat(error.message()).doesNotContain("Exception", "\tat ");
            }
            socket.sendBinary(new byte[] {1, 2, 3});
            assertThat(socket.nextError().code()).isEqualTo(ErrorCode.BAD_MESSAGE);
            socket.assertStillOpen();
        }
    }

    @Test
    void aClickOutsideTheVolumeIsARefusedResultNotAnError() throws Exception {
        var s = data.scenario();
        try (TestSocket socket = connect(s.team().annotator())) {
            socket.send(new Message.Open(s.assignment().id(), 2, null));
            socket.next(Message.Ready.class);
            socket.send(new Message.Click(new Index3(TestData.N + 6, 12, 12), true));
            var refused = socket.next(Message.Result.class);  // no delta before it: nothing changed
            assertThat(refused.outcome()).isEqualTo(Outcome.REFUSED);
            assertThat(refused.message()).contains("outside the volume");
            assertThat(refused.delta()).isFalse();
            assertThat(refused.changed()).isNull();
            socket.send(new Message.Click(new Index3(-1, 0, 0), false));
            assertThat(socket.next(Message.Result.class).outcome()).isEqualTo(Outcome.REFUSED);
            socket.assertStillOpen();
        }
    }

    @Test
    void editsAndAcceptBeforeOpenAreNotOpenAndUnknownLabelsAreInvalid() throws Exception {
        var s = data.scenario();
        try (TestSocket socket = connect(s.team().annotator())) {
            socket.send(new Message.Click(LESION_CENTRE, true));
            assertThat(socket.nextError().code()).isEqualTo(ErrorCode.NOT_OPEN);
            socket.send(new Message.Accept());
            assertThat(socket.nextError().code()).isEqualTo(ErrorCode.NOT_OPEN);
            socket.send(new Message.Open(s.assignment().id(), 9, null));
            var invalid = socket.nextError();
            assertThat(invalid.code()).isEqualTo(ErrorCode.INVALID);
            assertThat(invalid.message()).contains("label 9");
            socket.send(new Message.Open(s.assignment().id(), 2, "magic"));
            assertThat(socket.nextError().message()).contains("unknown engine 'magic'");
            socket.assertStillOpen();
        }
    }

    @Test
    void framesOverTheSizeOrRateLimitAreAnsweredNotDropped() throws Exception {
        var s = data.scenario();
        try (TestSocket socket = connect(s.team().annotator())) {
            socket.sendRaw("{\"type\":\"heartbeat\",\"pad\":\"" + "x".repeat(9000) + "\"}");
            assertThat(socket.nextError().code()).isEqualTo(ErrorCode.TOO_LARGE);
            for (int n = 0; n < 30; n++) {
                socket.send(new Message.Heartbeat());
            }
            boolean limited = false;
            for (int n = 0; n < 30; n++) {
                Object reply = socket.next(Message.FromServer.class);
                limited |= reply instanceof Message.ErrorReply e && e.code() == ErrorCode.RATE_LIMITED && e.retryable();
            }
            assertThat(limited).as("30 messages at once exceed 20 per second").isTrue();
        }
    }

    @Test
    void closeEndsTheSittingAndTheServerClosesTheSocketNormally() throws Exception {
        var s = data.scenario();
        Actor ann = s.team().annotator();
        try (TestSocket socket = connect(ann)) {
            socket.send(new Message.Open(s.assignment().id(), 1, null));
            assertThat(socket.next(Message.Ready.class).labelValue()).isEqualTo(1);
            socket.send(new Message.Close());
            assertThat(socket.next(Message.Closed.class).reason()).isEqualTo(Protocol.REASON_CLIENT);
            assertThat(socket.next(CloseStatus.class).getCode()).isEqualTo(CloseStatus.NORMAL.getCode());
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (log.events(ann, s.assignment().id()).stream().noneMatch(e -> e.getType() == EventType.CLOSE)
            && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(log.events(ann, s.assignment().id())).extracting(InteractionEvent::getType).contains(EventType.CLOSE);
    }

    @Test
    void aHandshakeWithoutValidCredentialsIsRefused() {
        assertThatThrownBy(() -> TestSocket.connect(port, "nobody", "wrong")).hasStackTraceContaining("401");
    }

    @Test
    void aHandshakeFromAPageOfAnotherSiteIsRefusedEvenWithValidCredentials() throws Exception {
        Actor ann = data.scenario().team().annotator();
        String password = "password-" + ann.username();
        assertThatThrownBy(() -> TestSocket.connectFrom("https://elsewhere.example", port, ann.username(), password))
            .hasStackTraceContaining("403");
        try (TestSocket sameSite = TestSocket.connectFrom("http://localhost:" + port, port, ann.username(), password)) {
            sameSite.assertStillOpen();
        }
    }

    private TestSocket connect(Actor actor) throws Exception {
        return TestSocket.connect(port, actor.username(), "password-" + actor.username());
    }

    private static int valueAt(MaskDelta d, Index3 v) {
        return d.voxels()[d.box().localIndex(v.i(), v.j(), v.k())];
    }

    private static long ones(MaskDelta d) {
        long n = 0;
        for (byte b : d.voxels()) {
            n += b;
        }
        return n;
    }
}
