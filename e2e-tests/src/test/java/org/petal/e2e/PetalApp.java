package org.petal.e2e;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The packaged application, started once per test JVM the way the README starts it ({@code --demo}, a data
 * directory of its own, a free port), and stopped when the JVM ends. Its log is kept under
 * {@code target/e2e/} for when a test fails.
 */
final class PetalApp {

    private static PetalApp shared;

    final String baseUrl;
    final Path dataDir;
    private final Process process;
    private final Path log;

    private PetalApp(String baseUrl, Path dataDir, Process process, Path log) {
        this.baseUrl = baseUrl;
        this.dataDir = dataDir;
        this.process = process;
        this.log = log;
    }

    static synchronized PetalApp shared() throws Exception {
        if (shared == null) {
            shared = start();
            Runtime.getRuntime().addShutdownHook(new Thread(shared.process::destroy));
        }
        return shared;
    }

    private static PetalApp start() throws Exception {
        Path data = Path.of(System.getProperty("petal.e2e.dir", "target/e2e")).resolve("data-" + System.currentTimeMillis());
        return start(data, "demo project");
    }

    /**
     * Starts the app on a data directory and waits until the log shows {@code readyWhenLogged} (the demo
     * data is created after Spring reports the start, so a fresh directory waits for "demo project"; a
     * directory used before, for "Started Petal").
     */
    static PetalApp start(Path data, String readyWhenLogged) throws Exception {
        Path jar = Path.of(System.getProperty("petal.appJar", "../backend/target/petal-app-exec.jar"));
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: build the backend first (mvn -B verify builds it before these tests)");
        }
        Files.createDirectories(data);
        Path log = data.resolveSibling(data.getFileName() + ".log");
        int port = freePort();
        ProcessBuilder pb = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-Xmx4g", "-Dai.djl.offline=true", "-jar", jar.toString(), "--demo", "--port", String.valueOf(port),
            "--data", data.toString()));
        pb.environment().put("OMP_WAIT_POLICY", "PASSIVE");
        pb.redirectErrorStream(true).redirectOutput(log.toFile());
        Process process = pb.start();
        PetalApp app = new PetalApp("http://localhost:" + port, data, process, log);
        app.awaitReady(Duration.ofMinutes(3), readyWhenLogged);
        return app;
    }

    /** Stops the app and waits for it to exit (its database file is closed then). */
    void stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }

    private void awaitReady(Duration limit, String readyWhenLogged) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Petal exited with " + process.exitValue() + ":\n" + tail());
            }
            try {
                var res = http.send(HttpRequest.newBuilder(URI.create(baseUrl + "/login")).build(), HttpResponse.BodyHandlers.discarding());
                if (res.statusCode() == 200 && Files.readString(log).contains(readyWhenLogged)) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("Petal did not start within " + limit + ":\n" + tail());
    }

    private String tail() throws IOException {
        List<String> lines = Files.readAllLines(log);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
