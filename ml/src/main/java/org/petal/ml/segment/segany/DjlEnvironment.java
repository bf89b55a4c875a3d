package org.petal.ml.segment.segany;

/**
 * DJL settings that must be in place before its PyTorch engine first loads: never download anything
 * (natives come from the pytorch-native-cpu jar on the class path), one inter-op thread (windows are
 * already parallel through the predictor pool). A value the user set on the command line wins.
 */
final class DjlEnvironment {

    private DjlEnvironment() {}

    static synchronized void prepare() {
        setIfAbsent("ai.djl.offline", "true");
        setIfAbsent("ai.djl.pytorch.num_interop_threads", "1");
        setIfAbsent("ai.djl.pytorch.num_threads", Integer.toString(Runtime.getRuntime().availableProcessors()));
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }
}
