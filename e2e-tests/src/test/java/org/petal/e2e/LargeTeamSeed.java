package org.petal.e2e;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Fills a stopped demo app's H2 file with a project of realistic size: 1,000 more cases in the demo
 * project (all pointing at demo case 0's voxels, so any of them opens), 50 annotators who log in with the
 * demo annotator's password, 10,000 assignments (10 reads per case, states and due dates from a fixed
 * seed) and, for every submitted or approved read, a plausible stream of interaction events so the study
 * report has times to compute. Written with JDBC batches: through the API it would take an hour.
 */
final class LargeTeamSeed {

    static final int CASES = 1_000;
    static final int ANNOTATORS = 50;
    static final int READS_PER_CASE = 10;
    private static final String[] STATES = {"ASSIGNED", "ASSIGNED", "ASSIGNED", "IN_PROGRESS", "IN_PROGRESS",
        "SUBMITTED", "SUBMITTED", "CHANGES_REQUESTED", "APPROVED", "APPROVED"};

    /** What a benchmark needs to find its way: the project, a seeded annotator, a submitted read. */
    record Seeded(long projectId, String annotator, long assignedReadId, long submittedReadId, int assignments, int events) {}

    private LargeTeamSeed() {}

    static Seeded into(Path dataDir) throws SQLException {
        String url = "jdbc:h2:file:" + dataDir.toAbsolutePath().resolve("db/petal") + ";DB_CLOSE_ON_EXIT=FALSE";
        try (Connection db = DriverManager.getConnection(url, "petal", "")) {
            db.setAutoCommit(false);
            long project = single(db, "select id from projects where name like 'Demo%'");
            long template = single(db, "select min(id) from cases where project_id = " + project);
            long lead = single(db, "select id from users where username = 'lead'");
            List<Long> annotators = annotators(db);
            List<Long> cases = cases(db, template, project);
            int assignments = assignments(db, cases, annotators, lead);
            int events = events(db);
            db.commit();
            String firstAnnotator = "bench-ann-00";
            long assigned = single(db, "select min(a.id) from assignments a join users u on u.id = a.annotator_id "
                + "where u.username = '" + firstAnnotator + "' and a.state = 'ASSIGNED'");
            long submitted = single(db, "select min(id) from assignments where state = 'SUBMITTED'");
            return new Seeded(project, firstAnnotator, assigned, submitted, assignments, events);
        }
    }

    private static List<Long> annotators(Connection db) throws SQLException {
        String hash;
        try (ResultSet r = db.createStatement().executeQuery("select password_hash from users where username = 'annotator'")) {
            r.next();
            hash = r.getString(1);
        }
        Timestamp now = Timestamp.from(Instant.now());
        try (PreparedStatement users = db.prepareStatement("insert into users (username, password_hash, display_name, enabled, "
            + "created_at, version) values (?, ?, ?, true, ?, 0)")) {
            for (int i = 0; i < ANNOTATORS; i++) {
                users.setString(1, String.format(Locale.ROOT, "bench-ann-%02d", i));
                users.setString(2, hash);
                users.setString(3, "Benchmark annotator " + i);
                users.setTimestamp(4, now);
                users.addBatch();
            }
            users.executeBatch();
        }
        List<Long> ids = ids(db, "select id from users where username like 'bench-ann-%' order by username");
        try (PreparedStatement roles = db.prepareStatement("insert into user_roles (user_id, role) values (?, 'ANNOTATOR')")) {
            for (long id : ids) {
                roles.setLong(1, id);
                roles.addBatch();
            }
            roles.executeBatch();
        }
        return ids;
    }

    private static List<Long> cases(Connection db, long template, long project) throws SQLException {
        try (PreparedStatement copy = db.prepareStatement("insert into cases (project_id, case_key, store_path, nx, ny, nz, "
            + "spacing_x, spacing_y, spacing_z, pet_unit, suv_source, suv_scale, checksum_sha256, created_at, version) "
            + "select project_id, ?, store_path, nx, ny, nz, spacing_x, spacing_y, spacing_z, pet_unit, suv_source, suv_scale, "
            + "checksum_sha256, created_at, 0 from cases where id = ?")) {
            for (int i = 0; i < CASES; i++) {
                copy.setString(1, String.format(Locale.ROOT, "bench-%04d", i));
                copy.setLong(2, template);
                copy.addBatch();
            }
            copy.executeBatch();
        }
        return ids(db, "select id from cases where project_id = " + project + " and case_key like 'bench-%' order by id");
    }

    private static int assignments(Connection db, List<Long> cases, List<Long> annotators, long lead) throws SQLException {
        Random random = new Random(42);
        LocalDate today = LocalDate.now();
        Timestamp now = Timestamp.from(Instant.now());
        int rows = 0;
        try (PreparedStatement insert = db.prepareStatement("insert into assignments (case_id, annotator_id, mode, state, "
            + "due_date, created_by, created_at, updated_at, version) values (?, ?, ?, ?, ?, ?, ?, ?, 0)")) {
            for (int c = 0; c < cases.size(); c++) {
                for (int r = 0; r < READS_PER_CASE; r++) {
                    insert.setLong(1, cases.get(c));
                    insert.setLong(2, annotators.get((c + r * (ANNOTATORS / READS_PER_CASE)) % ANNOTATORS));
                    insert.setString(3, (c + r) % 2 == 0 ? "AI_ASSISTED" : "MANUAL");
                    insert.setString(4, STATES[random.nextInt(STATES.length)]);
                    if (random.nextInt(5) == 0) {
                        insert.setNull(5, Types.DATE);
                    } else {
                        insert.setObject(5, today.plusDays(random.nextInt(61) - 30));
                    }
                    insert.setLong(6, lead);
                    insert.setTimestamp(7, now);
                    insert.setTimestamp(8, now);
                    insert.addBatch();
                    rows++;
                }
                if (c % 100 == 99) {
                    insert.executeBatch();
                }
            }
            insert.executeBatch();
        }
        return rows;
    }

    /**
     * For every handed-in read: open, 4–12 clicks or strokes 5–40 s apart (AI-assisted reads faster), accept
     * and submit, spread over the last eight weeks so throughput has several weeks.
     */
    private static int events(Connection db) throws SQLException {
        Random random = new Random(7);
        Instant start = Instant.now().minusSeconds(56L * 24 * 3600);
        int rows = 0;
        try (ResultSet handedIn = db.createStatement().executeQuery("select id, annotator_id, mode from assignments "
                + "where state in ('SUBMITTED', 'APPROVED') order by id");
             PreparedStatement insert = db.prepareStatement("insert into interaction_events (assignment_id, user_id, type, "
                 + "label_value, at, engine, latency_ms) values (?, ?, ?, ?, ?, ?, ?)")) {
            while (handedIn.next()) {
                long assignment = handedIn.getLong(1);
                long user = handedIn.getLong(2);
                boolean ai = handedIn.getString(3).equals("AI_ASSISTED");
                Instant at = start.plusSeconds(random.nextInt(56 * 24 * 3600));
                List<Object[]> stream = new ArrayList<>();
                stream.add(new Object[] {"OPEN", null, null});
                int edits = 4 + random.nextInt(9);
                for (int e = 0; e < edits; e++) {
                    stream.add(ai ? new Object[] {"CLICK_INCLUDE", 1, "suv-grow"} : new Object[] {"BRUSH", 1, null});
                }
                stream.add(new Object[] {"ACCEPT", null, null});
                stream.add(new Object[] {"SUBMIT", null, null});
                for (Object[] event : stream) {
                    at = at.plusSeconds((ai ? 5 : 12) + random.nextInt(ai ? 20 : 28));
                    insert.setLong(1, assignment);
                    insert.setLong(2, user);
                    insert.setString(3, (String) event[0]);
                    insert.setObject(4, event[1], Types.INTEGER);
                    insert.setTimestamp(5, Timestamp.from(at));
                    insert.setString(6, (String) event[2]);
                    insert.setObject(7, event[2] == null ? null : 40.0, Types.DOUBLE);
                    insert.addBatch();
                    rows++;
                }
                if (rows % 5000 < stream.size()) {
                    insert.executeBatch();
                }
            }
            insert.executeBatch();
        }
        return rows;
    }

    private static long single(Connection db, String sql) throws SQLException {
        try (ResultSet r = db.createStatement().executeQuery(sql)) {
            if (!r.next()) {
                throw new IllegalStateException("nothing for " + sql);
            }
            return r.getLong(1);
        }
    }

    private static List<Long> ids(Connection db, String sql) throws SQLException {
        List<Long> ids = new ArrayList<>();
        try (ResultSet r = db.createStatement().executeQuery(sql)) {
            while (r.next()) {
                ids.add(r.getLong(1));
            }
        }
        return ids;
    }
}
