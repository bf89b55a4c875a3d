package org.petal.ml.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.petal.ml.render.SlicePng;
import org.petal.ml.store.SliceImage;
import org.petal.ml.store.VoxelStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "mip", description = "Write a MIP of an imported case store as a PNG (inverted grey, head up).")
final class StoreMipCommand implements Callable<Integer> {

    @Parameters(index = "0", description = "case store directory")
    Path store;

    @Option(names = "--out", required = true, description = "PNG file to write")
    Path out;

    @Option(names = "--angle", description = "view angle about the body axis in degrees (0 = coronal, 90 = sagittal)")
    Double angle;

    @Option(names = "--window", defaultValue = "10", description = "value shown as black (SUV), default ${DEFAULT-VALUE}")
    float window;

    @Override
    public Integer call() throws Exception {
        VoxelStore s = VoxelStore.open(store);
        System.out.println(render(s, angle, window, out));
        return 0;
    }

    static Path render(VoxelStore store, Double angle, float window, Path png) throws java.io.IOException {
        SliceImage mip = angle == null ? store.coronalMip() : store.rotatingMip(angle);
        SlicePng.write(mip, window, headIsAtHighK(store), patientRightIsAtHighI(store), png);
        return png.toAbsolutePath();
    }

    /** Radiological convention: patient's right (LPS −x) on the viewer's left. */
    static boolean patientRightIsAtHighI(VoxelStore store) {
        return store.geometry().direction()[0] < 0;
    }

    /** Rows of a coronal image run along k; flip them when k points to the head so the head is on top. */
    static boolean headIsAtHighK(VoxelStore store) {
        return store.geometry().direction()[8] >= 0;
    }
}
