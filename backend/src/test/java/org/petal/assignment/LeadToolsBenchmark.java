package org.petal.assignment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Date;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.petal.support.TestData;
import org.petal.users.Actor;
import org.petal.users.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Not a test but a measurement (no timing is asserted; surefire does not pick it up by its name): seeds a
 * project with 1,000 cases and 10,000 assignments (50 annotators, 10 reads per case, mixed states and due
 * dates) straight into the database, then times the progress dashboard and the bulk planner the way a page
 * calls them (HTTP, JSON, a lead logged in by HTTP Basic). Prints a table and writes it to
 * {@code backend/target/bench/}. One subclass per database:
 * {@code mvn -B -o -q -pl ml,backend test -Dexec.skip=true -Dtest='*LeadToolsBenchmark' -Dsurefire.failIfNoSpecifiedTests=false}
 */
abstract class LeadToolsBenchmark {

    static final int CASES = 1_000;
    static final int ANNOTATORS = 50;
    static final int READS_PER_CASE = 10;

    @Autowired JdbcTemplate jdbc;
    @Autowired TestData data;
    @Autowired TestRestTemplate rest;
    @Autowired Clock clock;
    @Autowired ProjectProgressService progress;
    @Autowired BulkAssignmentService bulkService;

    private final List<String> table = new ArrayList<>();

    abstract String database();

    @Test
    void progressAndBulkPlanningWithAThousandCasesAndTenThousandAssignments() {
        Actor lead = data.user("benchlead" + unique(), Role.LEAD);
        TestRestTemplate asLead = rest.withBasicAuth(lead.username(), "password-" + lead.username());
        List<Long> annotators = seedAnnotators(ANNOTATORS);
        long project = data.project(lead).id();
        long seedStart = System.nanoTime();
        List<Long> cases = seedCases(project, CASES);
        int assignments = seedAssignments(lead, cases, annotators);
        double seedMs = (System.nanoTime() - seedStart) / 1e6;
        assertThat(assignments).isEqualTo(CASES * READS_PER_CASE);
        row("seed " + CASES + " cases and " + assignments + " assignments (JDBC batches)", 1, seedMs, seedMs, seedMs);

        JsonNode first = asLead.getForObject("/api/projects/" + project + "/progress", JsonNode.class);
        assertThat(first.at("/assignments/total").asLong()).isEqualTo(assignments);
        assertThat(first.at("/cases/total").asLong()).isEqualTo(CASES);
        assertThat(first.get("annotators")).hasSize(ANNOTATORS);
        time("ProjectProgressService.of, in process (what a Vaadin view calls)", 5, 30,
            () -> progress.of(lead, project).annotators().size());
        time("floor of any API call here: GET /api/assignments/mine (empty) with HTTP Basic (BCrypt per request)", 5, 30,
            () -> asLead.getForEntity("/api/assignments/mine", String.class).getBody().length());
        time("GET /api/projects/{id}/progress (HTTP Basic, JSON)", 5, 30, () -> {
            ResponseEntity<String> r = asLead.getForEntity("/api/projects/" + project + "/progress", String.class);
            assertThat(r.getStatusCode()).isEqualTo(HttpStatus.OK);
            return r.getBody().length();
        });

        List<Long> ten = annotators.subList(0, 10);
        time("StudyPlanner.plan: 1,000 cases, 10 annotators, DOUBLE CROSSOVER (in memory)", 20, 50,
            () -> StudyPlanner.plan(cases, ten, Reading.DOUBLE, StudyDesign.CROSSOVER).size());
        long fresh = data.project(lead).id();
        List<Long> freshCases = seedCases(fresh, 1_000);
        time("BulkAssignmentService.preview, in process: 1,000 cases, 10 annotators, DOUBLE CROSSOVER", 3, 10,
            () -> bulkService.preview(lead, fresh, new BulkAssignmentService.Request(freshCases, ten, Reading.DOUBLE,
                StudyDesign.CROSSOVER, null)).reads().size());
        time("bulk preview over HTTP: 1,000 cases, 10 annotators, DOUBLE CROSSOVER (checks and plan, no writes)", 3, 10,
            () -> bulk(asLead, fresh, freshCases, ten, true, HttpStatus.OK));
        time("bulk assign over HTTP: 1,000 cases, 10 annotators, DOUBLE CROSSOVER = 2,000 new assignments", 0, 3, () -> {
            long p = data.project(lead).id();
            return bulk(asLead, p, seedCases(p, 1_000), ten, false, HttpStatus.CREATED);
        });
        bulk(asLead, fresh, freshCases, ten, false, HttpStatus.CREATED);
        time("the same bulk request repeated: all 2,000 exist, nothing created", 1, 5,
            () -> bulk(asLead, fresh, freshCases, ten, false, HttpStatus.OK));
        time("bulk assign over HTTP: 5,000 cases, 20 annotators, DOUBLE CROSSOVER = 10,000 new assignments", 0, 1, () -> {
            long p = data.project(lead).id();
            return bulk(asLead, p, seedCases(p, 5_000), annotators.subList(0, 20), false, HttpStatus.CREATED);
        });
        time("ProjectProgressService.of again (the database now holds 26,000 assignments)", 3, 30,
            () -> progress.of(lead, project).annotators().size());
        explain(project);
        time("GET /api/projects/{id}/progress again (the database now holds 26,000 assignments)", 3, 30, () ->
            asLead.getForEntity("/api/projects/" + project + "/progress", String.class).getBody().length());
        report();
    }

    private int bulk(TestRestTemplate asLead, long project, List<Long> cases, List<Long> annotators, boolean preview,
                     HttpStatus expected) {
        var r = asLead.postForEntity("/api/projects/" + project + "/assignments/bulk", Map.of("caseIds", cases,
            "annotatorIds", annotators, "reading", "DOUBLE", "design", "CROSSOVER", "preview", preview), String.class);
        assertThat(r.getStatusCode()).as(r.getBody()).isEqualTo(expected);
        return r.getBody().length();
    }

    /** The database's plan for the case-stage query, printed for reading (not part of the table). */
    private void explain(long project) {
        String sql = "select t.stage, count(*) from (select min(case a.state when 'ASSIGNED' then 0 when 'IN_PROGRESS' then 1 "
            + "when 'CHANGES_REQUESTED' then 2 when 'SUBMITTED' then 3 else 4 end) as stage from assignments a join cases c "
            + "on c.id = a.case_id where c.project_id = " + project + " group by a.case_id) t group by t.stage";
        String overdue = "select count(*) from assignments a where a.case_id in (select c.id from cases c where c.project_id = "
            + project + ") and a.due_date < current_date and a.state in ('ASSIGNED', 'IN_PROGRESS', 'CHANGES_REQUESTED')";
        for (String q : List.of(sql, overdue)) {
            System.out.println("EXPLAIN " + database() + ":\n" + String.join("\n", jdbc.queryForList(
                (database().startsWith("Postgre") ? "explain analyze " : "explain analyze ") + q, String.class)));
        }
    }

    private List<Long> seedAnnotators(int n) {
        String prefix = "benchann" + unique() + "-";
        Timestamp now = Timestamp.from(Instant.now());
        // Never logs in: no BCrypt hash needed (50 hashes would take seconds).
        jdbc.batchUpdate("insert into users (username, password_hash, display_name, enabled, created_at, version) "
            + "values (?, 'x', ?, true, ?, 0)", java.util.stream.IntStream.range(0, n)
            .mapToObj(i -> new Object[] {prefix + i, "Annotator " + i, now}).toList());
        List<Long> ids = jdbc.queryForList("select id from users where username like ? order by id", Long.class, prefix + "%");
        jdbc.batchUpdate("insert into user_roles (user_id, role) values (?, 'ANNOTATOR')",
            ids.stream().map(id -> new Object[] {id}).toList());
        return ids;
    }

    private List<Long> seedCases(long project, int n) {
        String prefix = "bench-" + unique() + "-";
        Timestamp now = Timestamp.from(Instant.now());
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            rows.add(new Object[] {project, prefix + String.format(Locale.ROOT, "%05d", i), now});
        }
        jdbc.batchUpdate("insert into cases (project_id, case_key, store_path, nx, ny, nz, spacing_x, spacing_y, spacing_z, "
            + "pet_unit, suv_scale, checksum_sha256, created_at, version) values (?, ?, 'bench/none', 24, 24, 24, 4, 4, 4, "
            + "'SUV_BW', 1, '" + "0".repeat(64) + "', ?, 0)", rows);
        return jdbc.queryForList("select id from cases where project_id = ? and case_key like ? order by id", Long.class,
            project, prefix + "%");
    }

    /** Every case read by 10 of the 50 annotators; states and due dates drawn from a fixed seed. */
    private int seedAssignments(Actor lead, List<Long> cases, List<Long> annotators) {
        Random random = new Random(42);
        LocalDate today = LocalDate.now(clock);
        Timestamp now = Timestamp.from(clock.instant());
        String[] states = {"ASSIGNED", "ASSIGNED", "ASSIGNED", "IN_PROGRESS", "IN_PROGRESS", "SUBMITTED", "SUBMITTED",
            "CHANGES_REQUESTED", "APPROVED", "APPROVED"};
        List<Object[]> rows = new ArrayList<>();
        for (int c = 0; c < cases.size(); c++) {
            for (int r = 0; r < READS_PER_CASE; r++) {
                long annotator = annotators.get((c + r * (annotators.size() / READS_PER_CASE)) % annotators.size());
                Date due = random.nextInt(5) == 0 ? null : Date.valueOf(today.plusDays(random.nextInt(61) - 30));
                rows.add(new Object[] {cases.get(c), annotator, (c + r) % 2 == 0 ? "AI_ASSISTED" : "MANUAL",
                    states[random.nextInt(states.length)], due, lead.id(), now, now});
            }
        }
        int[][] done = jdbc.batchUpdate("insert into assignments (case_id, annotator_id, mode, state, due_date, created_by, "
            + "created_at, updated_at, version) values (?, ?, ?, ?, ?, ?, ?, ?, 0)", rows, 1000, (ps, row) -> {
                for (int i = 0; i < row.length; i++) {
                    if (row[i] == null) {
                        ps.setNull(i + 1, Types.DATE);
                    } else {
                        ps.setObject(i + 1, row[i]);
                    }
                }
            });
        return Arrays.stream(done).mapToInt(b -> b.length).sum();
    }

    private void time(String what, int warmups, int runs, Supplier<Integer> call) {
        for (int i = 0; i < warmups; i++) {
            call.get();
        }
        double[] ms = new double[runs];
        for (int i = 0; i < runs; i++) {
            long t0 = System.nanoTime();
            call.get();
            ms[i] = (System.nanoTime() - t0) / 1e6;
        }
        Arrays.sort(ms);
        row(what, runs, ms[(runs - 1) / 2], ms[Math.max(0, (int) Math.ceil(0.95 * runs) - 1)], ms[runs - 1]);
    }

    private void row(String what, int runs, double median, double p95, double max) {
        table.add(String.format(Locale.ROOT, "| %s | %d | %.1f ms | %.1f ms | %.1f ms |", what, runs, median, p95, max));
    }

    private void report() {
        StringBuilder out = new StringBuilder("| " + database() + ": measurement | runs | median | p95 | max |\n|---|---|---|---|---|\n");
        table.forEach(r -> out.append(r).append('\n'));
        System.out.println(out);
        try {
            Path dir = Files.createDirectories(Path.of("target", "bench"));
            Files.writeString(dir.resolve("lead-tools-" + database().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-")
                + ".md"), out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String unique() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
