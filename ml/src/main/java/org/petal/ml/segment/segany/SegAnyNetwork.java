package org.petal.ml.segment.segany;

import ai.djl.Device;
import ai.djl.engine.Engine;
import java.nio.file.Path;
import java.util.List;

/**
 * The exported network: {@code encoder.pt} (crop → image embedding) and {@code decoder.pt} (embedding,
 * clicks, previous low-res logits → low-res logits), checked against their model-info when loaded.
 * Thread-safe; as many calls run at once as the settings give predictors.
 */
public final class SegAnyNetwork implements AutoCloseable {

    private final SegAnyModelInfo info;
    private final TorchScriptModule encoder;
    private final TorchScriptModule decoder;

    private SegAnyNetwork(SegAnyModelInfo info, TorchScriptModule encoder, TorchScriptModule decoder) {
        this.info = info;
        this.encoder = encoder;
        this.decoder = decoder;
    }

    /**
     * Loads and checks a model directory: files and hashes (see {@link SegAnyModelInfo#read}), then one
     * encoder and one decoder pass on zeros whose output shapes must be the ones model-info declares.
     */
    public static SegAnyNetwork load(SegAnySettings settings) {
        Path dir = settings.modelDir().toAbsolutePath().normalize();
        SegAnyModelInfo info = SegAnyModelInfo.read(dir);
        Device device = device(settings.device(), dir);
        TorchScriptModule encoder = TorchScriptModule.load(dir.resolve(SegAnyModelInfo.ENCODER), device, settings.predictors());
        TorchScriptModule decoder;
        try {
            decoder = TorchScriptModule.load(dir.resolve(SegAnyModelInfo.DECODER), device, settings.predictors());
        } catch (RuntimeException e) {
            encoder.close();
            throw e;
        }
        SegAnyNetwork network = new SegAnyNetwork(info, encoder, decoder);
        try {
            network.checkShapes(dir);
        } catch (RuntimeException e) {
            network.close();
            throw e;
        }
        return network;
    }

    private static Device device(String name, Path dir) {
        if (name.equals("cpu")) {
            return Device.cpu();
        }
        DjlEnvironment.prepare();
        int gpus = Engine.getEngine("PyTorch").getGpuCount();
        int index = name.contains(":") ? Integer.parseInt(name.substring(name.indexOf(':') + 1)) : 0;
        if (index >= gpus) {
            throw new SegAnyModelException(dir, "device " + name + " requested but the PyTorch engine sees " + gpus
                + " GPU(s) (the bundled natives are CPU-only; GPU needs DJL's CUDA natives)");
        }
        return Device.gpu(index);
    }

    private void checkShapes(Path dir) {
        int p = info.patch();
        Tensor embedding = encoder.forward(Tensor.of(new float[p * p * p], 1, 1, p, p, p));
        long[] want = {1, info.embeddingDim(), info.gridSize(), info.gridSize(), info.gridSize()};
        if (!java.util.Arrays.equals(embedding.shape(), want)) {
            throw new SegAnyModelException(dir, "encoder.pt returns " + embedding + " but model-info.json promises "
                + java.util.Arrays.toString(want));
        }
        float[] logits = decode(embedding.data(), List.of(new CropClick(p / 2, p / 2, p / 2, true)), null);
        int l = info.lowResSize();
        if (logits.length != l * l * l) {
            throw new SegAnyModelException(dir, "decoder.pt returns " + logits.length + " logits, model-info.json promises "
                + l + "³");
        }
    }

    public SegAnyModelInfo info() {
        return info;
    }

    /** The image embedding of one z-scored crop (C-order, k fastest). */
    float[] encode(float[] crop) {
        int p = info.patch();
        return encoder.forward(Tensor.of(crop, 1, 1, p, p, p)).data();
    }

    /**
     * Low-res logits for the clicks (oldest first) with the previous step's logits as the mask prompt
     * ({@code null}: zeros, the first step).
     */
    float[] decode(float[] embedding, List<CropClick> clicks, float[] previous) {
        int g = info.gridSize();
        int l = info.lowResSize();
        int n = clicks.size();
        float[] points = new float[3 * n];
        float[] labels = new float[n];
        for (int c = 0; c < n; c++) {
            CropClick click = clicks.get(c);
            points[3 * c] = click.i();
            points[3 * c + 1] = click.j();
            points[3 * c + 2] = click.k();
            labels[c] = click.include() ? 1f : 0f;
        }
        float[] mask = previous != null ? previous : new float[l * l * l];
        return decoder.forward(
            Tensor.of(embedding, 1, info.embeddingDim(), g, g, g),
            Tensor.of(points, 1, n, 3),
            Tensor.of(labels, 1, n),
            Tensor.of(mask, 1, 1, l, l, l)).data();
    }

    @Override
    public void close() {
        encoder.close();
        decoder.close();
    }
}
