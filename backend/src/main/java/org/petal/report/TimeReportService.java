package org.petal.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.petal.annotation.InteractionLog;
import org.petal.annotation.TimeAccounting;
import org.petal.assignment.AssignmentService;
import org.petal.assignment.AssignmentView;
import org.petal.users.Actor;
import org.petal.users.Role;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The server-side time figures of every assignment, for coordinators and leads: one row per assignment,
 * the numbers computed only from recorded events (see {@link TimeAccounting} for the idle policy).
 */
@Service
@Transactional(readOnly = true)
public class TimeReportService {

    public record Row(AssignmentView assignment, TimeAccounting.TimeSummary time) {}

    static final String HEADER = "assignment_id,case_id,annotator_id,mode,state,wall_s,active_s,clicks,brush_strokes,"
        + "undos,redos,latency_mean_ms,latency_p95_ms,events";

    private final AssignmentService assignments;
    private final InteractionLog log;

    TimeReportService(AssignmentService assignments, InteractionLog log) {
        this.assignments = assignments;
        this.log = log;
    }

    public List<Row> rows(Actor actor) {
        actor.require(Role.COORDINATOR, Role.LEAD);
        List<AssignmentView> all = assignments.all(actor);
        // One events query for all of them, not two queries per assignment.
        var summaries = log.summaries(actor, all.stream().map(AssignmentView::id).toList());
        List<Row> rows = new ArrayList<>();
        for (AssignmentView a : all) {
            rows.add(new Row(a, summaries.get(a.id())));
        }
        return rows;
    }

    public String csv(Actor actor) {
        StringBuilder out = new StringBuilder(HEADER).append('\n');
        for (Row r : rows(actor)) {
            var a = r.assignment();
            var t = r.time();
            out.append(String.format(Locale.ROOT, "%d,%d,%d,%s,%s,%.3f,%.3f,%d,%d,%d,%d,%s,%s,%d%n", a.id(), a.caseId(),
                a.annotatorId(), a.mode(), a.state(), t.wallSeconds(), t.activeSeconds(), t.clicks(), t.brushStrokes(),
                t.undos(), t.redos(), number(t.latencyMeanMs()), number(t.latencyP95Ms()), t.events()));
        }
        return out.toString();
    }

    private static String number(Double v) {
        return v == null ? "" : String.format(Locale.ROOT, "%.1f", v);
    }
}
