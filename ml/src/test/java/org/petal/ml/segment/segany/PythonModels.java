package org.petal.ml.segment.segany;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Builds small SegAnyPET model directories and golden tensors with the project's own Python tools
 * ({@code ml/python}, Debian's torch): a seeded random checkpoint in the official layout, converted by
 * {@code petal_segany.convert}, then {@code petal_segany.golden}. Tests that need them are skipped, with
 * the reason, where {@code /usr/bin/python3} has no torch. Built once per test JVM under {@code target/}.
 */
final class PythonModels {

    static final Path PYTHON = Path.of("/usr/bin/python3");
    private static final Path SOURCES = Path.of("python");
    private static final Path WORK = Path.of("target", "segany-test-models");
    private static final Map<String, Path> BUILT = new ConcurrentHashMap<>();

    private PythonModels() {}

    /** A converted model directory of the given size ({@code tiny} or {@code small}), random weights. */
    static synchronized Path model(String arch) {
        return BUILT.computeIfAbsent(arch, a -> {
            requireTorch();
            Path out = WORK.resolve(a).toAbsolutePath();
            Path checkpoint = WORK.resolve(a + "-checkpoint").toAbsolutePath();
            run("petal_segany.random_init", "--arch", a, "--out", checkpoint.toString(), "--seed", "3", "--perturb");
            Path pth = single(checkpoint);
            run("petal_segany.convert", "--checkpoint", pth.toString(), "--arch", a, "--out", out.toString());
            return out;
        });
    }

    /** Golden tensors written with a model directory's TorchScript files. */
    static synchronized Path golden(String arch) {
        Path model = model(arch);
        return BUILT.computeIfAbsent(arch + "-golden", key -> {
            Path out = WORK.resolve(key).toAbsolutePath();
            run("petal_segany.golden", "--model-dir", model.toString(), "--out", out.toString(), "--seed", "0");
            return out;
        });
    }

    static void requireTorch() {
        assumeTrue(Files.isExecutable(PYTHON), "no " + PYTHON + " (Debian python3 with python3-torch builds the test models)");
        assumeTrue(Files.isDirectory(SOURCES.resolve("petal_segany")), "ml/python sources not found from " + Path.of("").toAbsolutePath());
        assumeTrue(exitCode(List.of(PYTHON.toString(), "-c", "import torch")) == 0,
            PYTHON + " has no torch (apt-get install python3-torch)");
    }

    private static Path single(Path dir) {
        try (var files = Files.list(dir)) {
            return files.filter(p -> p.toString().endsWith(".pth")).findFirst()
                .orElseThrow(() -> new IllegalStateException("no checkpoint written in " + dir));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void run(String module, String... args) {
        List<String> command = new ArrayList<>(List.of(PYTHON.toString(), "-m", module));
        command.addAll(List.of(args));
        Path log = WORK.resolve(module + ".log").toAbsolutePath();
        try {
            Files.createDirectories(WORK);
            Process p = new ProcessBuilder(command).directory(SOURCES.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
            if (!p.waitFor(10, TimeUnit.MINUTES) || p.exitValue() != 0) {
                p.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " failed:\n" + Files.readString(log));
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static int exitCode(List<String> command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return p.waitFor(2, TimeUnit.MINUTES) ? p.exitValue() : -1;
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }
}
