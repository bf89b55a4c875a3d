package org.petal.ml.segment;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.petal.ml.segment.segany.SegAnyModel;
import org.petal.ml.segment.segany.SegAnySettings;
import org.petal.ml.segment.suvgrow.SuvGrowModel;

/** The engines Petal can run, by the name used on the command line and in result files. */
public final class Engines {

    private static final Map<String, Supplier<PatchModel>> ENGINES = new LinkedHashMap<>();

    static {
        ENGINES.put("suv-grow", SuvGrowModel::new);
        // Loaded on first use (model directory from SegAnySettings.fromEnvironment); a missing or broken
        // model fails here with a SegAnyModelException that says why, and suv-grow is unaffected.
        ENGINES.put(SegAnyModel.NAME, () -> SegAnyModel.load(SegAnySettings.fromEnvironment()));
    }

    private Engines() {}

    public static Set<String> names() {
        return ENGINES.keySet();
    }

    /** A new engine instance; throws with the list of known engines when the name is unknown. */
    public static PatchModel create(String name) {
        Supplier<PatchModel> engine = ENGINES.get(name);
        if (engine == null) {
            throw new IllegalArgumentException("unknown engine '" + name + "'; available: " + String.join(", ", ENGINES.keySet()));
        }
        return engine.get();
    }
}
