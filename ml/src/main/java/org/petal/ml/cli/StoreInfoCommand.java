package org.petal.ml.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.petal.ml.store.StoreMetadata;
import org.petal.ml.store.VoxelStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "info", description = "Print the geometry, unit and SUV provenance of an imported case store.")
final class StoreInfoCommand implements Callable<Integer> {

    @Parameters(index = "0", description = "case store directory")
    Path store;

    @Override
    public Integer call() throws Exception {
        VoxelStore s = VoxelStore.open(store);
        StoreMetadata m = s.metadata();
        System.out.println("store:    " + store.toAbsolutePath());
        System.out.println("source:   " + m.source());
        System.out.println("grid:     " + s.geometry());
        System.out.println("unit:     " + m.unit().label());
        System.out.printf("range:    %.4g .. %.4g%n", m.minValue(), m.maxValue());
        if (m.suvParameters() != null) {
            System.out.println("SUV from: " + m.suvParameters());
        }
        return 0;
    }
}
