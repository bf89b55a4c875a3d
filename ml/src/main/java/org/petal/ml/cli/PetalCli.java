package org.petal.ml.cli;

import java.util.concurrent.Callable;
import org.petal.ml.io.InvalidImageException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of {@code ./petal}: one subcommand per task; input errors print their message, not a stack trace. */
@Command(name = "petal", mixinStandardHelpOptions = true, version = "Petal 0.1.0",
    description = "Petal: AI-assisted segmentation of whole-body PET. Command-line tools.",
    subcommands = {DemoCommand.class, PhantomCommand.class, ImportCommand.class, EvalCommand.class, CeilingCommand.class, StoreInfoCommand.class,
        StoreMipCommand.class, WorkerCommand.class})
public final class PetalCli implements Callable<Integer> {

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new PetalCli());
        cli.setExecutionExceptionHandler((ex, cmd, parsed) -> {
            if (ex instanceof InvalidImageException || ex instanceof java.nio.file.NoSuchFileException) {
                cmd.getErr().println("petal: " + (ex instanceof InvalidImageException ? ex.getMessage() : "no such file: " + ex.getMessage()));
                return 2;
            }
            throw ex;
        });
        return cli;
    }

    @Override
    public Integer call() {
        CommandLine.usage(this, System.out);
        return 0;
    }
}
