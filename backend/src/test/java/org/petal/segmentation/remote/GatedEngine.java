package org.petal.segmentation.remote;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.petal.ml.dataset.LabelKind;
import org.petal.ml.segment.PatchModel;
import org.petal.ml.segment.PatchRequest;
import org.petal.ml.segment.suvgrow.SuvGrowModel;
import org.petal.ml.volume.PetVolume;
import org.petal.ml.volume.VolumeGeometry;

/**
 * suv-grow with a gate for tests: after {@link #hold()} the next prediction waits inside the engine until
 * {@link #release()}, so a test can kill a worker, or let a request time out, while it is mid-request.
 */
public final class GatedEngine implements PatchModel {

    private final PatchModel engine = new SuvGrowModel();
    private volatile CountDownLatch gate;
    private volatile CountDownLatch entered = new CountDownLatch(1);

    public void hold() {
        entered = new CountDownLatch(1);
        gate = new CountDownLatch(1);
    }

    /** Waits until a request is inside the engine, held by the gate. */
    public void awaitEntered() throws InterruptedException {
        if (!entered.await(20, TimeUnit.SECONDS)) {
            throw new AssertionError("no request reached the engine within 20 s");
        }
    }

    public void release() {
        CountDownLatch g = gate;
        gate = null;
        if (g != null) {
            g.countDown();
        }
    }

    @Override
    public String name() {
        return engine.name();
    }

    @Override
    public int patchSize() {
        return engine.patchSize();
    }

    @Override
    public int[] windowSize(VolumeGeometry g) {
        return engine.windowSize(g);
    }

    @Override
    public ObjectState newObject(PetVolume volume, LabelKind kind) {
        return engine.newObject(volume, kind);
    }

    @Override
    public float[] predict(PatchRequest request) {
        CountDownLatch g = gate;
        if (g != null) {
            entered.countDown();
            try {
                g.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("worker stopped while the engine was held");
            }
        }
        return engine.predict(request);
    }
}
