package org.petal.ml.segment.segany;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.inference.Predictor;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.repository.zoo.Criteria;
import ai.djl.repository.zoo.ModelNotFoundException;
import ai.djl.repository.zoo.ZooModel;
import ai.djl.translate.Batchifier;
import ai.djl.translate.TranslateException;
import ai.djl.translate.Translator;
import ai.djl.translate.TranslatorContext;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * One TorchScript file loaded through DJL's PyTorch engine with a pool of predictors (a DJL predictor is
 * not safe for concurrent use; the pool lets that many windows run at once and makes the rest wait).
 * Inputs and outputs are plain {@link Tensor}s: native arrays live only inside one call's context.
 */
final class TorchScriptModule implements AutoCloseable {

    private final String name;
    private final ZooModel<List<Tensor>, Tensor> model;
    private final BlockingQueue<Predictor<List<Tensor>, Tensor>> pool;

    private TorchScriptModule(String name, ZooModel<List<Tensor>, Tensor> model, int predictors) {
        this.name = name;
        this.model = model;
        this.pool = new ArrayBlockingQueue<>(predictors);
        for (int n = 0; n < predictors; n++) {
            pool.add(model.newPredictor());
        }
    }

    static TorchScriptModule load(Path file, Device device, int predictors) {
        DjlEnvironment.prepare();
        Criteria<List<Tensor>, Tensor> criteria = Criteria.builder()
            .setTypes(listOfTensors(), Tensor.class)
            .optModelPath(file)
            .optEngine("PyTorch")
            .optDevice(device)
            .optOption("mapLocation", "true")
            .optTranslator(new TensorTranslator())
            .build();
        try {
            return new TorchScriptModule(file.getFileName().toString(), criteria.loadModel(), predictors);
        } catch (ModelNotFoundException | MalformedModelException | IOException | RuntimeException e) {
            throw new SegAnyModelException(file.getParent(), "cannot load " + file.getFileName() + " as TorchScript on "
                + device + ": " + e.getMessage(), e);
        }
    }

    @SuppressWarnings("unchecked")
    private static Class<List<Tensor>> listOfTensors() {
        return (Class<List<Tensor>>) (Class<?>) List.class;
    }

    /** Runs the module's forward on the inputs (positional) and returns its single output. */
    Tensor forward(Tensor... inputs) {
        Predictor<List<Tensor>, Tensor> predictor;
        try {
            predictor = pool.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a " + name + " predictor", e);
        }
        try {
            return predictor.predict(List.of(inputs));
        } catch (TranslateException e) {
            throw new IllegalStateException(name + " failed on " + List.of(inputs) + ": " + e.getMessage(), e);
        } finally {
            pool.add(predictor);
        }
    }

    @Override
    public void close() {
        pool.forEach(Predictor::close);
        model.close();
    }

    /** Java arrays in, Java arrays out, through the call's own NDManager. */
    private static final class TensorTranslator implements Translator<List<Tensor>, Tensor> {

        @Override
        public NDList processInput(TranslatorContext ctx, List<Tensor> inputs) {
            NDManager manager = ctx.getNDManager();
            NDList list = new NDList(inputs.size());
            for (Tensor t : inputs) {
                list.add(manager.create(t.data(), new Shape(t.shape())));
            }
            return list;
        }

        @Override
        public Tensor processOutput(TranslatorContext ctx, NDList outputs) {
            NDArray out = outputs.get(0);
            return new Tensor(out.toFloatArray(), out.getShape().getShape());
        }

        @Override
        public Batchifier getBatchifier() {
            return null;
        }
    }
}
