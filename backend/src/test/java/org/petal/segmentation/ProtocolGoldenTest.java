package org.petal.segmentation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.petal.ml.segment.InteractionResult.Outcome;
import org.petal.segmentation.Message.Index3;
import org.petal.segmentation.Message.Region;
import org.petal.segmentation.Protocol.ErrorCode;

/**
 * The JSON of every message type against a checked-in file under {@code protocol/}: what we write must
 * equal the file, and the file must read back to the same record. A change that breaks one of these is a
 * protocol change: update docs/protocol.md and the version.
 */
class ProtocolGoldenTest {

    private static final ObjectMapper PLAIN = new ObjectMapper();

    static final Map<String, Message> GOLDEN = Map.ofEntries(
        Map.entry("open", new Message.Open(42L, 2, "suv-grow")),
        Map.entry("click", new Message.Click(new Index3(12, 12, 12), true)),
        Map.entry("brush", new Message.Brush(false, 6.0, List.of(new Index3(12, 12, 12), new Index3(13, 12, 12),
            new Index3(14, 13, 12)))),
        Map.entry("undo", new Message.Undo()),
        Map.entry("redo", new Message.Redo()),
        Map.entry("reset", new Message.Reset()),
        Map.entry("accept", new Message.Accept()),
        Map.entry("heartbeat", new Message.Heartbeat()),
        Map.entry("close", new Message.Close()),
        Map.entry("ready", new Message.Ready(7, 1, 2, "suv-grow", new Index3(24, 24, 24), 15_000)),
        Map.entry("result", new Message.Result("click", 1, 2, Outcome.APPLIED, "", new Region(10, 10, 10, 15, 15, 15), true,
            1, 93, 1, 3.5, 6.25, 9.0)),
        Map.entry("result-refused", new Message.Result("click", 1, 2, Outcome.REFUSED,
            "the click (30, 12, 12) is outside the volume 24x24x24", null, false, 0, 0, 0, 0, 0, 1.5)),
        Map.entry("result-erase", new Message.Result("erase", 1, 2, Outcome.APPLIED, "", new Region(11, 11, 13, 14, 14, 15),
            true, 1, 81, 0, 0, 0.25, 2.0)),
        Map.entry("accepted", new Message.Accepted(5, 93)),
        Map.entry("error", Message.ErrorReply.of(ErrorCode.NOT_FOUND, "no assignment 42")),
        Map.entry("closed", new Message.Closed(Protocol.REASON_IDLE)),
        Map.entry("resume", new Message.Resume(42L)),
        Map.entry("resumed", new Message.Resumed(7L, 4L, List.of(new Message.ObjectState(1, 2, "suv-grow", 2, 93)), true,
            15_000)));

    static Stream<Arguments> golden() {
        return GOLDEN.entrySet().stream().sorted(Map.Entry.comparingByKey()).map(e -> Arguments.of(e.getKey(), e.getValue()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("golden")
    void eachMessageIsWrittenExactlyAsItsGoldenFile(String name, Message message) throws IOException {
        assertThat(PLAIN.readTree(MessageCodec.write(message))).isEqualTo(PLAIN.readTree(golden(name)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("golden")
    void eachGoldenFileReadsBackToAnEqualRecord(String name, Message message) {
        assertThat(MessageCodec.read(golden(name))).isEqualTo(message);
    }

    @Test
    void everyMessageRecordHasAGoldenFile() {
        Set<Class<?>> covered = new HashSet<>();
        GOLDEN.values().forEach(m -> covered.add(m.getClass()));
        assertThat(covered).containsExactlyInAnyOrderElementsOf(records());
    }

    @Test
    void aMalformedOrIncompleteClientMessageIsABadMessageThatSaysWhy() {
        assertBad("{not json", "not a valid message");
        assertBad("{\"type\":\"teleport\"}", "unknown or missing message type 'teleport'");
        assertBad("{\"voxel\":[1,2,3],\"include\":true}", "unknown or missing message type");
        assertBad("{\"type\":\"click\",\"voxel\":[1,2,3]}", "click needs include");
        assertBad("{\"type\":\"click\",\"voxel\":[1.5,2,3],\"include\":true}", "not a valid message");
        assertBad("{\"type\":\"click\",\"voxel\":[1,2],\"include\":true}", "not a valid message");
        assertBad("{\"type\":\"open\",\"label\":2}", "open needs a positive assignmentId");
        assertBad("{\"type\":\"open\",\"assignmentId\":1,\"label\":300}", "label value 1..255");
        assertBad("{\"type\":\"undo\"} {\"type\":\"redo\"}", "not a valid message");
        assertBad("{\"type\":\"ready\",\"sessionId\":1}", "not a valid message");  // missing numbers are not 0
        assertBad(golden("ready"), "sent by the server");
    }

    @Test
    void aBrushWithoutItsFieldsIsABadMessageWhileItsLimitsAreLeftToTheCase() {
        assertBad("{\"type\":\"brush\",\"radiusMm\":6,\"points\":[[1,2,3]]}", "brush needs erase");
        assertBad("{\"type\":\"brush\",\"erase\":true,\"points\":[[1,2,3]]}", "brush needs radiusMm");
        assertBad("{\"type\":\"brush\",\"erase\":true,\"radiusMm\":6}", "brush needs points");
        assertBad("{\"type\":\"brush\",\"erase\":true,\"radiusMm\":6,\"points\":[[1,2,3],null]}", "brush needs points");
        assertBad("{\"type\":\"brush\",\"erase\":true,\"radiusMm\":6,\"points\":[[1,2.5,3]]}", "not a valid message");
        // Well-formed, so parsed; the radius and the empty stroke are refused as INVALID against the case.
        assertThat(MessageCodec.readFromClient("{\"type\":\"brush\",\"erase\":false,\"radiusMm\":500,\"points\":[]}"))
            .isEqualTo(new Message.Brush(false, 500.0, List.of()));
    }

    @Test
    void unknownFieldsAreIgnoredSoNewerClientsMayAddOptionalOnes() {
        assertThat(MessageCodec.readFromClient("{\"type\":\"click\",\"voxel\":[1,2,3],\"include\":false,\"hint\":\"x\"}"))
            .isEqualTo(new Message.Click(new Index3(1, 2, 3), false));
        assertThat(MessageCodec.readFromClient("{\"type\":\"open\",\"assignmentId\":3,\"label\":1}"))
            .isEqualTo(new Message.Open(3L, 1, null));
    }

    private static void assertBad(String json, String why) {
        assertThatThrownBy(() -> MessageCodec.readFromClient(json)).as(json)
            .isInstanceOf(MessageCodec.BadMessage.class).hasMessageContaining(why);
    }

    private static Set<Class<?>> records() {
        Set<Class<?>> out = new HashSet<>();
        Deque<Class<?>> unvisited = new ArrayDeque<>(java.util.List.of(Message.class));
        while (!unvisited.isEmpty()) {
            Class<?> c = unvisited.pop();
            if (c.isRecord()) {
                out.add(c);
            } else {
                unvisited.addAll(java.util.List.of(c.getPermittedSubclasses()));
            }
        }
        return out;
    }

    static String golden(String name) {
        try (InputStream in = ProtocolGoldenTest.class.getResourceAsStream("/protocol/" + name + ".json")) {
            assertThat(in).as("golden file protocol/" + name + ".json").isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
