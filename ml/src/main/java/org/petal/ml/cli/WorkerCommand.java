package org.petal.ml.cli;

import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.concurrent.Callable;
import org.petal.ml.worker.WorkerClient;
import org.petal.ml.worker.WorkerSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ./petal worker}: an inference worker process for a backend with {@code petal.workers.mode=remote|auto}. */
@Command(name = "worker", mixinStandardHelpOptions = true, description = {
    "Serve interactive segmentation for a Petal backend over WebSocket (docs/workers.md).",
    "Connects, registers its engines, and reconnects whenever the connection drops; Ctrl-C stops it."})
final class WorkerCommand implements Callable<Integer> {

    @Option(names = "--backend", required = true, description = "the backend's worker endpoint, ws://HOST:PORT/ws/worker")
    URI backend;

    // The environment keeps the token out of `ps` listings; --token is there for quick tries.
    @Option(names = "--token", defaultValue = "${env:PETAL_WORKER_TOKEN}",
        description = "the backend's petal.workers.token (default: $PETAL_WORKER_TOKEN)")
    String token;

    @Option(names = "--engines", split = ",", defaultValue = "suv-grow",
        description = "engines to run, comma-separated: suv-grow, segany (default: ${DEFAULT-VALUE})")
    List<String> engines;

    @Option(names = "--capacity", defaultValue = "1", description = "requests served at once (default: ${DEFAULT-VALUE})")
    int capacity;

    @Option(names = "--name", description = "shown to leads in GET /api/workers (default: the host name)")
    String name;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        WorkerSettings settings;
        try {
            settings = WorkerSettings.of(backend, token, name != null ? name : hostName()).withCapacity(capacity);
        } catch (IllegalArgumentException e) {
            err.println("petal worker: " + e.getMessage());
            return 2;
        }
        err.println("petal worker: loading " + String.join(", ", engines) + "...");
        WorkerClient client;
        try {
            client = WorkerClient.withEngines(settings, engines);
        } catch (RuntimeException e) {  // unknown engine, a segany model that cannot load
            err.println("petal worker: " + e.getMessage());
            return 2;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(client::close, "petal-worker-shutdown"));
        err.println("petal worker: serving " + backend + " as " + settings.name());
        client.run();
        if (client.state() == WorkerClient.State.REFUSED) {
            err.println("petal worker: the backend refused the token");
            return 3;
        }
        return 0;
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "worker";
        }
    }
}
