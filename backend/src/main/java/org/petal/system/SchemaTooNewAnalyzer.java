package org.petal.system;

import org.flywaydb.core.api.exception.FlywayValidateException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Start-up with a database that a newer Petal has migrated: Flyway finds applied migrations this build
 * does not have (we make it refuse them instead of ignoring them, see application.properties). Say so in
 * words instead of a stack trace.
 */
class SchemaTooNewAnalyzer extends AbstractFailureAnalyzer<FlywayValidateException> {

    @Override
    protected FailureAnalysis analyze(Throwable root, FlywayValidateException cause) {
        String m = String.valueOf(cause.getMessage());
        if (!m.contains("not resolved locally")) {
            return new FailureAnalysis("The database schema does not match this version of Petal: " + m,
                "Restore the database from a backup, or point --data at another directory.", cause);
        }
        return new FailureAnalysis("The database was written by a newer version of Petal: its schema has migrations "
            + "this version does not know (" + m.strip() + ").",
            "Run the newer Petal, or start this one with another --data directory. Nothing was changed.", cause);
    }
}
