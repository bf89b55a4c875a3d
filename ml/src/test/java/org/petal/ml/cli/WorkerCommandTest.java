package org.petal.ml.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code ./petal worker}: the mistakes an operator makes get a one-line answer, not a stack trace or a hang. */
class WorkerCommandTest {

    private final StringWriter err = new StringWriter();
    private final StringWriter out = new StringWriter();

    @Test
    void theWorkerCommandIsListedWithItsOptions() {
        assertThat(run("worker", "--help")).isZero();
        assertThat(out.toString()).contains("--backend", "--token", "--engines", "--capacity", "PETAL_WORKER_TOKEN");
    }

    @Test
    void aMissingTokenOrAnHttpAddressIsRefusedBeforeConnecting() {
        if (System.getenv("PETAL_WORKER_TOKEN") == null) {
            assertThat(run("worker", "--backend", "ws://localhost:1/ws/worker")).isEqualTo(2);
            assertThat(err.toString()).startsWith("petal worker: ").contains("token");
        }
        assertThat(run("worker", "--backend", "http://localhost:1/ws/worker", "--token", "t")).isEqualTo(2);
        assertThat(err.toString()).contains("ws://");
    }

    @Test
    void anUnknownEngineIsRefusedWithTheKnownOnes() {
        assertThat(run("worker", "--backend", "ws://localhost:1/ws/worker", "--token", "t", "--engines", "magic")).isEqualTo(2);
        assertThat(err.toString()).contains("unknown engine 'magic'").contains("suv-grow").doesNotContain("Exception");
    }

    private int run(String... args) {
        CommandLine cli = PetalCli.commandLine();
        cli.setErr(new PrintWriter(err, true));
        cli.setOut(new PrintWriter(out, true));
        return cli.execute(args);
    }
}
