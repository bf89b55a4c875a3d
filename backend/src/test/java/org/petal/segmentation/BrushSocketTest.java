package org.petal.segmentation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.withinPercentage;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.petal.annotation.EventType;
import org.petal.assignment.AssignmentMode;
import org.petal.assignment.AssignmentService;
import org.petal.annotation.InteractionEvent;
import org.petal.annotation.InteractionLog;
import org.petal.annotation.MaskRevision;
import org.petal.annotation.RevisionService;
import org.petal.ml.segment.Box;
import org.petal.ml.segment.InteractionResult.Outcome;
import org.petal.ml.segment.ObjectMask;
import org.petal.ml.volume.VolumeGeometry;
import org.petal.segmentation.Message.Index3;
import org.petal.segmentation.Protocol.ErrorCode;
import org.petal.support.PetalTest;
import org.petal.support.TestData;
import org.petal.users.Actor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Brush and eraser strokes on {@code /ws/annotate}, end to end, on the test case (24³ voxels of 4 mm, a hot
 * lesion at the centre). The test keeps the object's mask as a browser would, from the deltas alone.
 */
@PetalTest
class BrushSocketTest {

    private static final Index3 LESION = new Index3(12, 12, 12);
    private static final Index3 BACKGROUND = new Index3(4, 4, 4);
    private static final VolumeGeometry GRID = VolumeGeometry.axisAligned(TestData.N, TestData.N, TestData.N, 4, 4, 4,
        new double[3]);

    @LocalServerPort int port;
    @Autowired TestData data;
    @Autowired RevisionService revisions;
    @Autowired InteractionLog log;
    @Autowired AssignmentService assignments;

    private final ObjectMask browser = new ObjectMask(GRID);

    @Test
    void aPaintStrokeOnEmptyBackgroundAddsTheVoxelsOfItsBallAndIsRecordedAsBrush() throws Exception {
        var s = data.scenario();
        Actor ann = s.team().annotator();
        try (TestSocket socket = open(ann, s.assignment().id())) {
            socket.send(brush(false, 6, BACKGROUND));
            MaskDelta delta = socket.next(MaskDelta.class);
            var painted = socket.next(Message.Result.class);

            assertThat(painted.action()).isEqualTo(Protocol.BRUSH);
            assertThat(painted.outcome()).isEqualTo(Outcome.APPLIED);
            assertThat(delta.box()).as("the ball's box").isEqualTo(new Box(3, 3, 3, 6, 6, 6));
            assertThat(painted.changed()).isEqualTo(Message.Region.of(delta.box()));
            double ballVoxels = 4.0 / 3 * Math.PI * Math.pow(6, 3) / Math.pow(4, 3);  // 14.1
            assertThat(ones(delta)).as("centre, 6 face and 12 edge neighbours").isEqualTo(19);
            assertThat((double) ones(delta)).as("about the ball's volume").isCloseTo(ballVoxels, withinPercentage(40));
            assertThat(painted.maskVoxels()).isEqualTo(19);
            assertThat(painted.prompts()).isZero();
            assertThat(painted.windows()).isZero();
        }
        assertThat(log.events(ann, s.assignment().id())).filteredOn(e -> e.getType() == EventType.BRUSH).singleElement()
            .satisfies(e -> {
                assertThat(e.getLabelValue()).isEqualTo(2);
                assertThat(e.getEngine()).as("a stroke is no engine's work").isNull();
                assertThat(e.getLatencyMs()).as("the stroke's own time").isNotNull();
            });
    }

    @Test
    void erasedVoxelsOfAnAiMaskStayErasedThroughALaterClickUntilTheStrokeIsUndone() throws Exception {
        var s = data.scenario();
        Actor ann = s.team().annotator();
        long id = s.assignment().id();
        try (TestSocket socket = open(ann, id)) {
            socket.send(new Message.Click(LESION, true));
            see(socket);
            List<Integer> erased = seeChanges(socket, brush(true, 6, new Index3(12, 12, 14)));
            assertThat(erased).as("voxels of the AI mask the eraser took").isNotEmpty();
            assertThat(values(erased)).containsOnly((byte) 0);

            // The engine recomputes k 14..16 for this include click, over part of the cut.
            socket.send(new Message.Click(new Index3(12, 12, 16), true));
            var clicked = see(socket);
            assertThat(clicked.prompts()).isEqualTo(2);
            assertThat(browser.get(12, 12, 16)).isTrue();
            assertThat(values(erased)).as("the cut survives the click").containsOnly((byte) 0);

            socket.send(new Message.Undo());  // the click
            see(socket);
            assertThat(values(erased)).containsOnly((byte) 0);
            socket.send(new Message.Undo());  // the stroke
            var undone = see(socket);
            assertThat(undone.action()).isEqualTo(Protocol.UNDO);
            assertThat(values(erased)).as("back from the engine's mask").containsOnly((byte) 1);

            socket.send(new Message.Redo());
            see(socket);
            socket.send(new Message.Accept());
            var accepted = socket.next(Message.Accepted.class);
            assertThat(source(ann, id, accepted)).as("a click and a stroke").isEqualTo(MaskRevision.Source.MIXED);
        }
        assertThat(log.events(ann, id)).extracting(InteractionEvent::getType).containsSubsequence(EventType.CLICK_INCLUDE,
            EventType.ERASE, EventType.CLICK_INCLUDE, EventType.UNDO, EventType.UNDO, EventType.REDO, EventType.ACCEPT);
    }

    @Test
    void aStrokeOutsideTheVolumeOrTheBrushLimitsIsInvalidAndChangesNothing() throws Exception {
        var s = data.scenario();
        Actor ann = s.team().annotator();
        try (TestSocket socket = open(ann, s.assignment().id())) {
            List<Message.Brush> invalid = List.of(
                brush(false, 6, BACKGROUND, new Index3(TestData.N, 4, 4)),
                brush(false, 6, new Index3(-1, 4, 4)),
                brush(false, 500, BACKGROUND),
                brush(true, 0.4, BACKGROUND),
                brush(false, 6),
                brush(false, 1, Collections.nCopies(Protocol.BRUSH_MAX_POINTS + 1, BACKGROUND).toArray(Index3[]::new)));
            for (Message.Brush b : invalid) {
                socket.send(b);
                var error = socket.nextError();  // no delta before it
                assertThat(error.code()).as("%s", b).isEqualTo(ErrorCode.INVALID);
                assertThat(error.retryable()).isFalse();
            }
            socket.send(new Message.Undo());
            assertThat(socket.next(Message.Result.class).message()).as("no stroke was kept").isEqualTo("nothing to undo");

            socket.send(brush(false, 1, Collections.nCopies(Protocol.BRUSH_MAX_POINTS, BACKGROUND).toArray(Index3[]::new)));
            assertThat(socket.next(MaskDelta.class).box()).isEqualTo(Box.of(BACKGROUND.voxel()));
            assertThat(socket.next(Message.Result.class).maskVoxels()).as("a full stroke fits a frame").isEqualTo(1);
        }
        assertThat(log.events(ann, s.assignment().id())).filteredOn(e -> e.getType() == EventType.BRUSH).hasSize(1);
    }

    @Test
    void acceptingAfterStrokesOnlyStoresAManualRevisionWithThePaintedVoxels() throws Exception {
        var s = data.scenario();
        Actor ann = s.team().annotator();
        long id = s.assignment().id();
        try (TestSocket socket = open(ann, id)) {
            List<Integer> painted = seeChanges(socket, brush(false, 6, BACKGROUND, new Index3(6, 4, 4)));
            seeChanges(socket, brush(true, 0.5, new Index3(5, 4, 4)));
            socket.send(new Message.Accept());
            var accepted = socket.next(Message.Accepted.class);

            assertThat(source(ann, id, accepted)).isEqualTo(MaskRevision.Source.MANUAL);
            assertThat(accepted.labelledVoxels()).isEqualTo(painted.size() - 1);
            byte[] labels = revisions.labels(ann, accepted.revisionId());
            for (int at : painted) {
                assertThat(labels[at]).as("voxel %d", at).isEqualTo((byte) (at == GRID.index(5, 4, 4) ? 0 : 2));
            }
        }
    }

    @Test
    void inTheManualArmOfATimeStudyAClickIsRefusedAndTheBrushStillWorks() throws Exception {
        var s = data.scenario();
        Actor lead = s.team().lead();
        Actor second = s.team().annotator2();
        long manual = assignments.assign(lead, s.petCase().id(), second.id(), AssignmentMode.MANUAL, null).id();
        try (TestSocket socket = open(second, manual)) {
            socket.send(new Message.Click(LESION, true));
            var refused = socket.next(Message.ErrorReply.class);
            assertThat(refused.code()).isEqualTo(ErrorCode.FORBIDDEN);
            assertThat(refused.message()).contains("manual arm").contains("brush");

            socket.send(brush(false, 6, LESION));
            assertThat(see(socket).outcome()).as("the same sitting goes on").isEqualTo(Outcome.APPLIED);
        }
        assertThat(log.events(second, manual)).noneMatch(e -> e.getType() == EventType.CLICK_INCLUDE);
    }

    private TestSocket open(Actor actor, long assignmentId) throws Exception {
        TestSocket socket = TestSocket.connect(port, actor.username(), "password-" + actor.username());
        socket.send(new Message.Open(assignmentId, 2, null));
        socket.next(Message.Ready.class);
        return socket;
    }

    /** Applies the delta that comes before a result to the browser's copy and checks the result against it. */
    private Message.Result see(TestSocket socket) throws InterruptedException {
        MaskDelta d = socket.next(MaskDelta.class);
        browser.write(d.box(), d.voxels());
        var r = socket.next(Message.Result.class);
        assertThat(r.changed()).isEqualTo(Message.Region.of(d.box()));
        assertThat(r.maskVoxels()).as("the server's count is the browser's").isEqualTo(browser.count());
        return r;
    }

    /** Sends an edit and returns the case indices of the voxels its delta changed. */
    private List<Integer> seeChanges(TestSocket socket, Message.Edit edit) throws Exception {
        byte[] before = browser.read(Box.of(GRID));
        socket.send(edit);
        see(socket);
        byte[] after = browser.read(Box.of(GRID));
        List<Integer> changed = new ArrayList<>();
        for (int n = 0; n < after.length; n++) {
            if (after[n] != before[n]) {
                changed.add(n);
            }
        }
        return changed;
    }

    private List<Byte> values(List<Integer> caseIndices) {
        byte[] all = browser.read(Box.of(GRID));
        return caseIndices.stream().map(n -> all[n]).toList();
    }

    private MaskRevision.Source source(Actor actor, long assignmentId, Message.Accepted accepted) {
        return revisions.list(actor, assignmentId).stream().filter(r -> r.id() == accepted.revisionId()).findFirst()
            .orElseThrow().source();
    }

    private static Message.Brush brush(boolean erase, double radiusMm, Index3... points) {
        return new Message.Brush(erase, radiusMm, List.of(points));
    }

    private static long ones(MaskDelta d) {
        long n = 0;
        for (byte b : d.voxels()) {
            n += b;
        }
        return n;
    }
}
