package org.petal.ui.lead;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import java.util.Locale;
import java.util.Map;
import org.petal.assignment.AssignmentState;
import org.petal.assignment.ProjectProgressService;
import org.petal.assignment.ProjectProgressService.AnnotatorProgress;
import org.petal.assignment.ProjectProgressService.OverdueAssignment;
import org.petal.assignment.ProjectProgressService.Progress;
import org.petal.segmentation.remote.WorkerMonitor;
import org.petal.users.Actor;

/**
 * The project's progress: cases by the stage of their least advanced read, assignments by state and mode,
 * each annotator's load, what is overdue, and the segmentation workers' queues and latency. Everything
 * comes from one service call of GROUP BY counts; "Refresh" asks again.
 */
class ProgressPanel extends VerticalLayout {

    private final Actor actor;
    private final long projectId;
    private final ProjectProgressService progress;

    ProgressPanel(Actor actor, long projectId, ProjectProgressService progress) {
        this.actor = actor;
        this.projectId = projectId;
        this.progress = progress;
        setPadding(false);  // filled by refresh() when its tab is opened: most visits never open it
    }

    void refresh() {
        removeAll();
        Progress p = progress.of(actor, projectId);
        Button again = new Button("Refresh", e -> refresh());
        add(again,
            new H4("Cases (" + p.cases().total() + ", as of " + p.today() + ")"),
            tiles("progress-cases", Map.of("unassigned", p.cases().unassigned()), p.cases().byStage()),
            new H4("Assignments (" + p.assignments().total() + ")"),
            tiles("progress-assignments", Map.of(), p.assignments().byState()),
            new Span("AI-assisted " + p.assignments().byMode().getOrDefault(org.petal.assignment.AssignmentMode.AI_ASSISTED, 0L)
                + " · manual " + p.assignments().byMode().getOrDefault(org.petal.assignment.AssignmentMode.MANUAL, 0L)),
            new H4("Per annotator"), annotators(p),
            new H4("Overdue (" + p.overdue().count() + ")"), overdue(p),
            new H4("Segmentation workers"), workers(p.workers()));
    }

    private static Component tiles(String id, Map<String, Long> extra, Map<AssignmentState, Long> byState) {
        FlexLayout row = new FlexLayout();
        row.setId(id);
        row.getStyle().set("gap", "12px").set("flex-wrap", "wrap");
        extra.forEach((name, count) -> row.add(tile(name, count)));
        for (AssignmentState s : AssignmentState.values()) {
            row.add(tile(s.name().toLowerCase(Locale.ROOT).replace('_', ' '), byState.getOrDefault(s, 0L)));
        }
        return row;
    }

    private static Component tile(String name, long count) {
        Div tile = new Div(new Div(String.valueOf(count)), new Div(name));
        tile.addClassName("progress-tile");
        tile.getStyle().set("border", "1px solid var(--lumo-contrast-20pct)").set("border-radius", "6px")
            .set("padding", "6px 12px").set("min-width", "7em").set("text-align", "center");
        tile.getChildren().findFirst().ifPresent(c -> ((Div) c).getStyle().set("font-size", "1.4em"));
        return tile;
    }

    private static Component annotators(Progress p) {
        Grid<AnnotatorProgress> g = new Grid<>();
        g.addColumn(AnnotatorProgress::username).setHeader("Annotator").setAutoWidth(true);
        g.addColumn(AnnotatorProgress::assigned).setHeader("Assigned");
        g.addColumn(AnnotatorProgress::inProgress).setHeader("In progress");
        g.addColumn(AnnotatorProgress::changesRequested).setHeader("Changes requested");
        g.addColumn(AnnotatorProgress::submitted).setHeader("Submitted");
        g.addColumn(AnnotatorProgress::approved).setHeader("Approved");
        g.addColumn(AnnotatorProgress::aiAssisted).setHeader("AI-assisted");
        g.addColumn(AnnotatorProgress::manual).setHeader("Manual");
        g.addColumn(AnnotatorProgress::overdue).setHeader("Overdue");
        g.setItems(p.annotators());
        g.setAllRowsVisible(true);
        g.setId("progress-annotators");
        return g;
    }

    private static Component overdue(Progress p) {
        if (p.overdue().oldest().isEmpty()) {
            return new Span("Nothing is overdue.");
        }
        Grid<OverdueAssignment> g = new Grid<>();
        g.addColumn(OverdueAssignment::caseKey).setHeader("Case");
        g.addColumn(OverdueAssignment::username).setHeader("Annotator");
        g.addColumn(OverdueAssignment::mode).setHeader("Mode");
        g.addColumn(OverdueAssignment::state).setHeader("State");
        g.addColumn(OverdueAssignment::dueDate).setHeader("Due");
        g.addColumn(OverdueAssignment::daysOverdue).setHeader("Days over");
        g.setItems(p.overdue().oldest());
        g.setAllRowsVisible(true);
        return g;
    }

    private static Component workers(WorkerMonitor.Summary w) {
        Span summary = new Span(w.note() + " — mode " + w.mode() + ", " + w.connected() + " connected, "
            + w.inFlight() + " running, " + w.queued() + " queued (capacity " + w.capacity() + ")");
        summary.setId("progress-workers");
        Grid<WorkerMonitor.Worker> g = new Grid<>();
        g.addColumn(WorkerMonitor.Worker::name).setHeader("Worker");
        g.addColumn(x -> String.join(", ", x.engines())).setHeader("Engines");
        g.addColumn(WorkerMonitor.Worker::inFlight).setHeader("Running");
        g.addColumn(WorkerMonitor.Worker::queued).setHeader("Queued");
        g.addColumn(x -> ms(x.latencyMedianMs())).setHeader("Median");
        g.addColumn(x -> ms(x.latencyP95Ms())).setHeader("p95");
        g.setItems(w.workers());
        g.setAllRowsVisible(true);
        return new VerticalLayout(summary, g);
    }

    private static String ms(Double v) {
        return v == null ? "—" : String.format(Locale.ROOT, "%.0f ms", v);
    }
}
