package org.petal.report.study;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.petal.annotation.LabelMapCodec;
import org.petal.projects.ProjectService;
import org.petal.support.PetalTest;
import org.petal.support.TestData;
import org.petal.users.Actor;
import org.petal.users.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * How long the study report takes over issue 7's data volume: one project with 1,000 cases and 10,000
 * assignments (every case read by 10 of 20 annotators, 5 AI-assisted and 5 manual: 45 reader pairs per case,
 * the worst case for agreement; a real study's double reading has one), about 200,000 interaction events and
 * one or two revisions per handed-in assignment. Label maps are 24³ voxels (an organ blob and a lesion cube,
 * jittered per reader) — small, so inflating them is cheap; the cold report's Dice cost grows with case size,
 * the warm one's does not.
 *
 * <p>A benchmark, not a test: it asserts nothing and is skipped unless {@code -Dpetal.benchmark=true}. Rows
 * are seeded with JDBC batches (going through the services would take an hour), in the schema's shapes. Run:
 * <pre>
 * mvn -B -o -pl ml,backend test -Dexec.skip=true -Dtest=StudyReportBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dpetal.benchmark=true
 * </pre>
 * and read {@code backend/target/benchmark/study-report.md}.
 */
@PetalTest
@Tag("benchmark")
@EnabledIfSystemProperty(named = "petal.benchmark", matches = "true",
    disabledReason = "a benchmark (seeds 10,000 assignments); run with -Dpetal.benchmark=true")
class StudyReportBenchmark {

    private static final int CASES = 1_000;
    private static final int ANNOTATORS = 20;
    private static final int READERS_PER_CASE = 10;
    private static final int EDGE = 24;
    private static final Instant START = Instant.parse("2026-01-05T08:00:00Z");

    @Autowired TestData data;
    @Autowired JdbcTemplate jdbc;
    @Autowired StudyReportService study;
    @Autowired TestRestTemplate rest;

    private final Random random = new Random(7);
    private final StringBuilder out = new StringBuilder();

    @Test
    void studyReportOverOneThousandCasesAndTenThousandAssignments() throws IOException {
        Actor lead = data.user("benchlead", Role.LEAD);
        Actor coordinator = data.user("benchcoord", Role.COORDINATOR);
        List<Actor> annotators = new ArrayList<>();
        for (int n = 0; n < ANNOTATORS; n++) {
            annotators.add(data.user("benchann" + n, Role.ANNOTATOR));
        }
        ProjectService.ProjectView project = data.project(lead);
        long t0 = System.nanoTime();
        Seeded seeded = seed(lead, project.id(), annotators);
        line("seeded %,d cases, %,d assignments (%,d handed in), %,d sessions, %,d events, %,d revisions in %.1f s",
            CASES, seeded.assignments, seeded.handedIn, seeded.sessions, seeded.events, seeded.revisions, seconds(t0));

        t0 = System.nanoTime();
        StudyReport cold = study.report(coordinator, project.id());
        line("cold report (every reader pair's Dice computed and cached): %.2f s, %,d pairs",
            seconds(t0), cold.agreement().pairs().size());
        List<Double> warm = new ArrayList<>();
        for (int n = 0; n < 7; n++) {
            annotatorWorksOn(seeded);
            t0 = System.nanoTime();
            study.report(coordinator, project.id());
            warm.add(seconds(t0));
        }
        double[] w = warm.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        line("warm report (cache filled; one new event before each run, so no database result is reused), 7 runs:"
            + " %s s; median %.2f s, max %.2f s", warm.stream().map(s -> String.format("%.2f", s)).toList(),
            w[3], w[6]);
        var client = rest.withBasicAuth(coordinator.username(), "password-" + coordinator.username());
        t0 = System.nanoTime();
        String json = client.getForObject("/api/projects/" + project.id() + "/study", String.class);
        line("GET /study (JSON over HTTP, warm): %.2f s, %,d bytes", seconds(t0), json.length());
        t0 = System.nanoTime();
        String csv = client.getForObject("/api/projects/" + project.id() + "/study/agreement.csv", String.class);
        line("GET /study/agreement.csv: %.2f s, %,d rows", seconds(t0), csv.lines().count() - 1);
        line("time saved %.1f%% [%.1f, %.1f]", cold.saved().savedPercent(), cold.saved().ciLowPercent(),
            cold.saved().ciHighPercent());
        Path file = Path.of("target/benchmark/study-report.md");
        Files.createDirectories(file.getParent());
        Files.writeString(file, out);
    }

    private record Seeded(int assignments, int handedIn, int sessions, int events, int revisions, long busyAssignment,
                          long busySession, long busyAnnotator) {}

    /** Someone clicks on a case in progress (between reports, as in real use). */
    private void annotatorWorksOn(Seeded s) {
        jdbc.update("insert into interaction_events (assignment_id, session_id, user_id, type, label_value, at, engine,"
            + " latency_ms) values (?, ?, ?, 'CLICK_INCLUDE', 2, ?, 'suv-grow', 30)", s.busyAssignment(), s.busySession(),
            s.busyAnnotator(), Timestamp.from(Instant.now()));
    }

    private Seeded seed(Actor lead, long projectId, List<Actor> annotators) {
        long caseBase = nextId("cases");
        long assignmentBase = nextId("assignments");
        long sessionBase = nextId("annotation_sessions");
        long revisionBase = nextId("mask_revisions");
        Timestamp created = Timestamp.from(START);
        List<Object[]> cases = new ArrayList<>();
        for (int c = 0; c < CASES; c++) {
            cases.add(new Object[] {caseBase + c, projectId, "bench-" + c, "bench/" + c, EDGE, EDGE, EDGE, "SUV_BW", created});
        }
        jdbc.batchUpdate("insert into cases (id, project_id, case_key, store_path, nx, ny, nz, spacing_x, spacing_y, spacing_z,"
            + " pet_unit, checksum_sha256, created_at) values (?, ?, ?, ?, ?, ?, ?, 4, 4, 4, ?, '" + "0".repeat(64) + "', ?)", cases);

        List<Object[]> assignments = new ArrayList<>();
        List<Object[]> sessions = new ArrayList<>();
        List<Object[]> events = new ArrayList<>();
        List<Object[]> revisions = new ArrayList<>();
        long assignmentId = assignmentBase;
        long sessionId = sessionBase;
        long revisionId = revisionBase;
        int handedIn = 0;
        for (int c = 0; c < CASES; c++) {
            List<Actor> shuffled = new ArrayList<>(annotators);
            java.util.Collections.shuffle(shuffled, random);
            Instant caseStart = START.plusSeconds(c * 3_000L);  // 1,000 cases over about five weeks
            for (int r = 0; r < READERS_PER_CASE; r++) {
                Actor annotator = shuffled.get(r);
                boolean ai = r % 2 == 0;
                double p = random.nextDouble();
                String state = p < 0.70 ? "APPROVED" : p < 0.85 ? "SUBMITTED" : p < 0.95 ? "IN_PROGRESS" : "ASSIGNED";
                boolean started = !state.equals("ASSIGNED");
                boolean done = state.equals("APPROVED") || state.equals("SUBMITTED");
                Instant t = caseStart.plusSeconds(r * 300L + random.nextInt(200));
                Instant updated = t;
                if (started) {
                    int sittings = random.nextDouble() < 0.2 ? 2 : 1;
                    for (int s = 0; s < sittings; s++) {
                        long sid = sessionId++;
                        Instant opened = t;
                        events.add(event(assignmentId, sid, annotator, "OPEN", null, t, null));
                        int actions = 8 + random.nextInt(23);
                        for (int a = 0; a < actions; a++) {
                            double mean = ai ? 6 : 12;
                            double gap = random.nextDouble() < 0.05 ? 90 + random.nextInt(600) : -mean * Math.log(1 - random.nextDouble());
                            t = t.plusMillis((long) (gap * 1000));
                            int label = random.nextDouble() < 0.6 ? 2 : 1;
                            String type = ai ? (random.nextDouble() < 0.85 ? (random.nextDouble() < 0.8 ? "CLICK_INCLUDE" : "CLICK_EXCLUDE") : "UNDO")
                                : (random.nextDouble() < 0.9 ? "BRUSH" : "UNDO");
                            events.add(event(assignmentId, sid, annotator, type, label, t, type.startsWith("CLICK") ? 20 + 30 * random.nextDouble() : null));
                        }
                        t = t.plusSeconds(3);
                        if (done || s < sittings - 1) {
                            int versions = s == sittings - 1 && random.nextDouble() < 0.2 ? 2 : 1;
                            Long parent = null;
                            for (int v = 0; v < versions; v++) {
                                byte[] labels = labelMap(c, r, v);
                                long rid = revisionId++;
                                revisions.add(new Object[] {rid, assignmentId, parent, annotator.id(), ai ? "AI" : "MANUAL",
                                    Timestamp.from(t), EDGE, EDGE, EDGE, LabelMapCodec.ENCODING, LabelMapCodec.compress(labels),
                                    "0".repeat(64), (long) nonZero(labels)});
                                events.add(event(assignmentId, sid, annotator, "ACCEPT", null, t, null));
                                parent = rid;
                                t = t.plusSeconds(2);
                            }
                        }
                        if (done && s == sittings - 1) {
                            events.add(event(assignmentId, sid, annotator, "SUBMIT", null, t, null));
                            updated = t;
                        }
                        events.add(event(assignmentId, sid, annotator, "CLOSE", null, t.plusSeconds(1), null));
                        sessions.add(new Object[] {sid, assignmentId, annotator.id(), Timestamp.from(opened), Timestamp.from(t.plusSeconds(1))});
                        t = t.plusSeconds(3_600 + random.nextInt(86_400));
                    }
                }
                if (state.equals("APPROVED")) {
                    updated = updated.plusSeconds(3_600 + random.nextInt(3 * 86_400));
                }
                handedIn += done ? 1 : 0;
                assignments.add(new Object[] {assignmentId, caseBase + c, annotator.id(), ai ? "AI_ASSISTED" : "MANUAL", state,
                    lead.id(), created, Timestamp.from(updated)});
                assignmentId++;
            }
        }
        jdbc.batchUpdate("insert into assignments (id, case_id, annotator_id, mode, state, created_by, created_at, updated_at)"
            + " values (?, ?, ?, ?, ?, ?, ?, ?)", assignments);
        jdbc.batchUpdate("insert into annotation_sessions (id, assignment_id, user_id, opened_at, closed_at) values (?, ?, ?, ?, ?)",
            sessions);
        for (int from = 0; from < events.size(); from += 20_000) {
            jdbc.batchUpdate("insert into interaction_events (assignment_id, session_id, user_id, type, label_value, at, engine,"
                + " latency_ms) values (?, ?, ?, ?, ?, ?, ?, ?)", events.subList(from, Math.min(events.size(), from + 20_000)));
        }
        jdbc.batchUpdate("insert into mask_revisions (id, assignment_id, parent_id, author_id, source, created_at, nx, ny, nz,"
            + " encoding, data, sha256, labelled_voxels) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", revisions);
        Object[] busy = assignments.stream().filter(a -> a[4].equals("IN_PROGRESS")).findFirst().orElseThrow();
        long busySession = sessions.stream().filter(s -> s[1].equals(busy[0])).map(s -> (Long) s[0]).findFirst().orElseThrow();
        return new Seeded(assignments.size(), handedIn, sessions.size(), events.size(), revisions.size(), (Long) busy[0],
            busySession, (Long) busy[2]);
    }

    private static Object[] event(long assignment, long session, Actor who, String type, Integer label, Instant at, Double latency) {
        return new Object[] {assignment, session, who.id(), type, label, Timestamp.from(at),
            latency == null ? null : "suv-grow", latency};
    }

    /** A 24³ map: an organ blob (label 1) and a lesion cube (label 2), both jittered by up to a voxel per reader. */
    private byte[] labelMap(int c, int reader, int version) {
        byte[] m = new byte[EDGE * EDGE * EDGE];
        int dx = random.nextInt(3) - 1;
        int dy = random.nextInt(3) - 1;
        int cx = 6 + c % 3;
        for (int k = 0; k < EDGE; k++) {
            for (int j = 0; j < EDGE; j++) {
                for (int i = 0; i < EDGE; i++) {
                    double r2 = Math.pow(i - cx - dx, 2) + Math.pow(j - 8 - dy, 2) + Math.pow(k - 12, 2);
                    if (r2 < 25) {
                        m[i + EDGE * (j + EDGE * k)] = 1;
                    } else if (i >= 15 + dx && i < 19 + dx && j >= 15 && j < 19 + dy && k >= 10 && k < 14 + version) {
                        m[i + EDGE * (j + EDGE * k)] = 2;
                    }
                }
            }
        }
        return m;
    }

    private static int nonZero(byte[] m) {
        int n = 0;
        for (byte b : m) {
            n += b != 0 ? 1 : 0;
        }
        return n;
    }

    private long nextId(String table) {
        return jdbc.queryForObject("select coalesce(max(id), 0) + 1000 from " + table, Long.class);
    }

    private void line(String format, Object... args) {
        String s = String.format(java.util.Locale.ROOT, format, args);
        System.out.println("[study benchmark] " + s);
        out.append("- ").append(s).append('\n');
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}
