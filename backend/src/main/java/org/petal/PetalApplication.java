package org.petal;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Petal's web application: the collaborative backend around the {@code ml} engines. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class PetalApplication {

    public static void main(String[] args) {
        SpringApplication.run(PetalApplication.class, args);
    }
}
