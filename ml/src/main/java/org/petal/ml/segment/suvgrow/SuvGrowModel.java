package org.petal.ml.segment.suvgrow;

import java.util.List;
import java.util.Objects;
import org.petal.ml.dataset.LabelKind;
import org.petal.ml.segment.PatchModel;
import org.petal.ml.segment.PatchRequest;
import org.petal.ml.segment.PointPrompt;
import org.petal.ml.volume.PetVolume;

/**
 * The {@code suv-grow} engine: deterministic, weight-free region growing on SUV.
 *
 * <ul>
 *   <li>Lesions: peak near the first include click, 41 % of SUVmax (or a {@link LesionThreshold}
 *       alternative), region connected to the peak.</li>
 *   <li>Organs: mean ± k·std of the seed sphere on a 3×3×3-smoothed image, re-estimated once on the first
 *       grow, holes filled.</li>
 *   <li>Every include click grows its own region (union); exclude clicks split the region competitively
 *       by geodesic distance ({@link GeodesicSplitter}).</li>
 *   <li>Windows: only the window is read. Voxels the framework already decided in earlier windows
 *       ({@code stitched > 0.5}) seed the grow so regions continue across faces; decided-background voxels
 *       act as exclude seeds once the object has exclude clicks, so a split stays consistent.</li>
 * </ul>
 * Output probabilities are exactly 0 or 1.
 */
public final class SuvGrowModel implements PatchModel {

    public static final String NAME = "suv-grow";

    private final SuvGrowConfig config;
    private final WindowCache windows = new WindowCache();

    public SuvGrowModel() {
        this(SuvGrowConfig.DEFAULTS);
    }

    public SuvGrowModel(SuvGrowConfig config) {
        this.config = Objects.requireNonNull(config);
    }

    /**
     * The values the engine decides on over a box of the volume: raw SUV (lesions) or its 3×3×3 mean (organs,
     * edge voxels averaging their in-box neighbours), box order. For tools that measure against the engine.
     */
    public static float[] decisionValues(PetVolume volume, org.petal.ml.segment.Box box, boolean smoothed) {
        if (smoothed) {
            return WindowImage.readSmoothed(volume, box).smoothed(null);  // computed by readSmoothed, own array
        }
        WindowImage img = WindowImage.read(volume, box, Scratch.get());
        return java.util.Arrays.copyOf(img.suv, img.n);  // scratch memory, possibly longer: copy the box out
    }

    public SuvGrowConfig config() {
        return config;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public ObjectState newObject(PetVolume volume, LabelKind kind) {
        return new SuvGrowState(kind);
    }

    @Override
    public float[] predict(PatchRequest request) {
        int size = Math.toIntExact(request.window().voxelCount());
        float[] out = new float[size];
        List<PointPrompt> prompts = request.prompts();
        if (prompts == null || prompts.stream().noneMatch(PointPrompt::include) || request.window().isEmpty()) {
            return out;
        }
        // Without our own state (framework skipped newObject) rules are simply not remembered.
        SuvGrowState state = request.state() instanceof SuvGrowState s ? s : new SuvGrowState(request.kind());
        Scratch scratch = Scratch.get();
        // Organs decide on the smoothed window, which a session's refinement clicks ask for again and again.
        WindowImage img = request.kind() == LabelKind.ORGAN && config.organSmoothing()
            ? windows.image(request.volume(), request.window())
            : WindowImage.read(request.volume(), request.window(), scratch);
        if (img.n != size) {
            throw new IllegalArgumentException("window " + request.window() + " is not inside the volume");
        }
        byte[] mask = new WindowPrediction(request.volume(), img, request.kind(), prompts, request.stitched(), state, config, scratch).run();
        for (int v = 0; v < size; v++) {
            out[v] = mask[v];
        }
        return out;
    }
}
