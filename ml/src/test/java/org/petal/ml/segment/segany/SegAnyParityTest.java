package org.petal.ml.segment.segany;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Java (DJL, TorchScript) against Python (eager PyTorch) on golden tensors written by
 * {@code petal_segany.golden}: the z-score, the encoder, and five decoder steps with clicks accumulating
 * and each step's logits fed to the next. The bound is 1e-4 relative on logits.
 */
class SegAnyParityTest {

    private static final double LOGIT_TOLERANCE = 1e-4;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"tiny", "small"})
    void javaNormalisesEncodesAndDecodesLikePython(String arch) throws IOException {
        GoldenTensors golden = GoldenTensors.read(PythonModels.golden(arch));
        try (SegAnyNetwork network = SegAnyNetwork.load(SegAnySettings.cpu(PythonModels.model(arch)))) {
            float[] raw = golden.tensor("raw_input");
            ZScore z = ZScore.of(raw);
            JsonNode stats = golden.manifest().path("normalisation");
            assertThat(z.count()).isEqualTo(stats.path("positive_voxels").asLong());
            assertThat(z.mean()).isCloseTo(stats.path("mean").asDouble(), within(1e-9 * stats.path("mean").asDouble()));
            assertThat(z.std()).isCloseTo(stats.path("std").asDouble(), within(1e-9 * stats.path("std").asDouble()));
            z.apply(raw);
            assertThat(GoldenTensors.relativeError(raw, golden.tensor("input"))).isLessThan(1e-6);

            float[] embedding = network.encode(golden.tensor("input"));
            assertThat(GoldenTensors.relativeError(embedding, golden.tensor("image_embedding"))).isLessThan(LOGIT_TOLERANCE);

            float[] previous = null;
            for (JsonNode step : golden.steps()) {
                List<CropClick> clicks = clicks(golden.tensor(step.path("points").asText()), golden.tensor(step.path("labels").asText()));
                float[] logits = network.decode(golden.tensor("image_embedding"), clicks, previous);
                float[] expected = golden.tensor(step.path("low_res_logits").asText());
                assertThat(GoldenTensors.relativeError(logits, expected))
                    .as("%s step with %d clicks", arch, clicks.size()).isLessThan(LOGIT_TOLERANCE);
                previous = expected;
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"tiny"})
    void aWholeClickSequenceRunInJavaEndsWhereThePythonOneEnds(String arch) throws IOException {
        GoldenTensors golden = GoldenTensors.read(PythonModels.golden(arch));
        try (SegAnyNetwork network = SegAnyNetwork.load(SegAnySettings.cpu(PythonModels.model(arch)))) {
            float[] embedding = network.encode(golden.tensor("input"));
            float[] previous = null;
            String last = null;
            for (JsonNode step : golden.steps()) {
                List<CropClick> clicks = clicks(golden.tensor(step.path("points").asText()), golden.tensor(step.path("labels").asText()));
                previous = network.decode(embedding, clicks, previous);
                last = step.path("low_res_logits").asText();
            }
            assertThat(GoldenTensors.relativeError(previous, golden.tensor(last))).isLessThan(LOGIT_TOLERANCE);
        }
    }

    static List<CropClick> clicks(float[] points, float[] labels) {
        List<CropClick> out = new ArrayList<>();
        for (int c = 0; c < labels.length; c++) {
            out.add(new CropClick(Math.round(points[3 * c]), Math.round(points[3 * c + 1]), Math.round(points[3 * c + 2]),
                labels[c] > 0.5f));
        }
        return out;
    }
}
