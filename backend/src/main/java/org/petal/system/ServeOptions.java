package org.petal.system;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The options of {@code ./petal serve [--port P] [--data DIR] [--demo]}, checked before Spring starts so
 * the common mistakes get one clear sentence instead of a stack trace: the port is taken, the data
 * directory cannot be written.
 */
public record ServeOptions(int port, Path dataDir, boolean demo, List<String> springArgs) {

    public static final int DEFAULT_PORT = 8080;

    /** A problem the user can fix; the message says how. */
    public static final class StartupProblem extends Exception {
        public StartupProblem(String message) { super(message); }
    }

    public static ServeOptions parse(String[] args, Path defaultDataDir) throws StartupProblem {
        int port = DEFAULT_PORT;
        Path data = defaultDataDir;
        boolean demo = false;
        List<String> rest = new ArrayList<>();
        for (int a = 0; a < args.length; a++) {
            switch (args[a]) {
                case "--port" -> port = parsePort(value(args, ++a, "--port"));
                case "--data" -> data = Path.of(value(args, ++a, "--data"));
                case "--demo" -> demo = true;
                default -> rest.add(args[a]);
            }
        }
        return new ServeOptions(port, data.toAbsolutePath().normalize(), demo, List.copyOf(rest));
    }

    /** Fails with a clear message when the data directory is unusable or the port is taken. */
    public void check() throws StartupProblem {
        try {
            Files.createDirectories(dataDir);
            Path probe = Files.createTempFile(dataDir, ".write-test", "");
            Files.delete(probe);
        } catch (IOException | SecurityException e) {
            throw new StartupProblem("the data directory " + dataDir + " is not writable (" + e.getMessage()
                + "); choose another with --data DIR or PETAL_DATA_DIR");
        }
        try (ServerSocket s = new ServerSocket()) {
            s.setReuseAddress(true);
            s.bind(new InetSocketAddress(port));
        } catch (IOException e) {
            throw new StartupProblem("port " + port + " is already in use; stop the other program or choose --port P");
        }
    }

    /** Spring's arguments: the checked options as properties, then anything else given. */
    public String[] toSpringArgs() {
        List<String> out = new ArrayList<>();
        out.add("--server.port=" + port);
        out.add("--petal.data-dir=" + dataDir);
        if (demo) {
            out.add("--spring.profiles.include=demo");
        }
        out.addAll(springArgs);
        return out.toArray(String[]::new);
    }

    private static String value(String[] args, int index, String option) throws StartupProblem {
        if (index >= args.length) {
            throw new StartupProblem(option + " needs a value");
        }
        return args[index];
    }

    private static int parsePort(String s) throws StartupProblem {
        try {
            int p = Integer.parseInt(s);
            if (p < 1 || p > 65535) {
                throw new NumberFormatException();
            }
            return p;
        } catch (NumberFormatException e) {
            throw new StartupProblem("--port must be a number from 1 to 65535, not '" + s + "'");
        }
    }
}
