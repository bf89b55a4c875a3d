package org.petal;

import java.nio.file.Path;
import org.petal.system.ServeOptions;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Petal's web application: the collaborative backend around the {@code ml} engines. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class PetalApplication {

    /** {@code ./petal serve [--port P] [--data DIR] [--demo]}; other {@code --name=value} go to Spring. */
    public static void main(String[] args) {
        String env = System.getenv("PETAL_DATA_DIR");
        Path defaultData = env != null && !env.isBlank() ? Path.of(env) : Path.of(System.getProperty("user.home"), ".petal");
        ServeOptions options;
        try {
            options = ServeOptions.parse(args, defaultData);
            options.check();
        } catch (ServeOptions.StartupProblem e) {
            System.err.println("petal: " + e.getMessage());
            System.exit(2);
            return;
        }
        SpringApplication.run(PetalApplication.class, options.toSpringArgs());
    }
}
