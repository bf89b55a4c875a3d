package org.petal.ml.segment.segany;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.petal.ml.dataset.LabelKind;
import org.petal.ml.segment.Box;
import org.petal.ml.segment.PatchModel;
import org.petal.ml.segment.PatchRequest;
import org.petal.ml.segment.PointPrompt;
import org.petal.ml.segment.Voxel;
import org.petal.ml.volume.PetVolume;
import org.petal.ml.volume.VolumeGeometry;

/**
 * Engine {@code segany}: a SegAnyPET / SAM-Med3D network run through DJL, inside the common patch framework.
 *
 * <p>Per window: the 1.5 mm crop centred on the window ({@link CropGrid}), z-scored ({@link ZScore}), is
 * encoded once and the embedding cached; the clicks that fall inside the crop go to the decoder step by
 * step with the previous step's logits as the mask prompt ({@link SegAnyState}); the low-res logits are
 * upsampled and returned as probabilities over the window. A neighbour window holding no click of its
 * own (the object merely continues into it) gets one include click: the already-stitched foreground
 * voxel nearest to the object's first click, which lies on the shared face — the paper's "prompt still
 * visible at the edge". Organs and lesions are prompted the same way: the network is promptable.
 */
public final class SegAnyModel implements PatchModel {

    public static final String NAME = "segany";

    private static final Map<SegAnySettings, SegAnyNetwork> NETWORKS = new ConcurrentHashMap<>();

    private final SegAnyNetwork network;
    private final SegAnyModelInfo info;
    private final Map<EmbeddingKey, float[]> embeddings;

    private record EmbeddingKey(PetVolume volume, int i, int j, int k) {}

    public SegAnyModel(SegAnyNetwork network, int cachedEmbeddings) {
        this.network = network;
        this.info = network.info();
        this.embeddings = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<EmbeddingKey, float[]> eldest) {
                return size() > cachedEmbeddings;
            }
        };
    }

    /** The engine on the network of these settings, loaded once per process and shared. */
    public static SegAnyModel load(SegAnySettings settings) {
        return new SegAnyModel(NETWORKS.computeIfAbsent(settings, SegAnyNetwork::load), settings.embeddingCache());
    }

    @Override
    public String name() {
        return NAME;
    }

    public SegAnyModelInfo info() {
        return info;
    }

    @Override
    public int patchSize() {
        return info.patch();
    }

    @Override
    public int[] windowSize(VolumeGeometry g) {
        return CropGrid.windowSize(g, info.patch(), info.spacingMm());
    }

    @Override
    public ObjectState newObject(PetVolume volume, LabelKind kind) {
        return new SegAnyState();
    }

    @Override
    public float[] predict(PatchRequest request) {
        Box window = request.window();
        CropGrid crop = CropGrid.centredOn(request.volume().geometry(), window, info.patch(), info.spacingMm());
        List<CropClick> clicks = clicksInside(crop, request.prompts());
        if (clicks.stream().noneMatch(CropClick::include)) {
            CropClick carried = continuation(crop, request);
            if (carried == null) {
                return new float[Math.toIntExact(window.voxelCount())];
            }
            clicks.add(0, carried);
        }
        float[] embedding = embedding(request.volume(), crop);
        if (embedding.length == 0) {
            // A crop without two distinct positive values has no z-score: nothing to segment there.
            return new float[Math.toIntExact(window.voxelCount())];
        }
        SegAnyState state = request.state() instanceof SegAnyState s ? s : new SegAnyState();
        float[] logits = state.logits(crop.start(), clicks, (prefix, previous) -> network.decode(embedding, prefix, previous));
        return crop.probabilities(logits, info.lowResSize(), window);
    }

    private static List<CropClick> clicksInside(CropGrid crop, List<PointPrompt> prompts) {
        List<CropClick> out = new ArrayList<>();
        for (PointPrompt p : prompts == null ? List.<PointPrompt>of() : prompts) {
            int[] q = crop.cropVoxel(p.voxel());
            if (q != null) {
                out.add(CropClick.at(q, p.include()));
            }
        }
        return out;
    }

    /** The stitched foreground voxel of this window nearest to the object's first include click, as a click. */
    private static CropClick continuation(CropGrid crop, PatchRequest request) {
        float[] stitched = request.stitched();
        Voxel anchor = request.prompts().stream().filter(PointPrompt::include).map(PointPrompt::voxel).findFirst().orElse(null);
        if (stitched == null || anchor == null) {
            return null;
        }
        Box w = request.window();
        long best = Long.MAX_VALUE;
        int[] bestVoxel = null;
        int n = 0;
        for (int k = w.k0(); k < w.k1(); k++) {
            for (int j = w.j0(); j < w.j1(); j++) {
                for (int i = w.i0(); i < w.i1(); i++, n++) {
                    if (stitched[n] > 0.5f) {
                        long di = i - anchor.i(), dj = j - anchor.j(), dk = k - anchor.k();
                        long d = di * di + dj * dj + dk * dk;
                        if (d < best) {
                            best = d;
                            bestVoxel = new int[] {i, j, k};
                        }
                    }
                }
            }
        }
        if (bestVoxel == null) {
            return null;
        }
        int[] q = crop.cropVoxel(new Voxel(bestVoxel[0], bestVoxel[1], bestVoxel[2]));
        return q == null ? null : CropClick.at(q, true);
    }

    private float[] embedding(PetVolume volume, CropGrid crop) {
        int[] s = crop.start();
        EmbeddingKey key = new EmbeddingKey(volume, s[0], s[1], s[2]);
        synchronized (embeddings) {
            float[] known = embeddings.get(key);
            if (known != null) {
                return known;
            }
        }
        float[] image = crop.sample(volume);
        ZScore z = ZScore.of(image);
        float[] embedding;
        if (z.usable()) {
            z.apply(image);
            embedding = network.encode(image);
        } else {
            embedding = new float[0];
        }
        synchronized (embeddings) {
            embeddings.put(key, embedding);
        }
        return embedding;
    }
}
