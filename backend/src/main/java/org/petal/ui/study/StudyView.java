package org.petal.ui.study;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import java.util.List;
import java.util.Locale;
import org.petal.assignment.AssignmentMode;
import org.petal.projects.ProjectService;
import org.petal.projects.ProjectService.ProjectView;
import org.petal.report.study.StudyReport;
import org.petal.report.study.StudyReport.Saved;
import org.petal.report.study.StudyReportService;
import org.petal.ui.MainLayout;
import org.petal.ui.RoleView;
import org.petal.ui.SignedIn;
import org.petal.users.Actor;
import org.petal.users.Role;

/**
 * The coordinator's time-saved study of one project: % active time saved with its bootstrap interval,
 * times by mode, per annotator and per label kind, clicks and edits, agreement between readers, throughput,
 * the charts, and every table as CSV. All numbers come from {@link StudyReportService} (the server's own
 * accounting of events and revisions); nothing is computed here but formatting.
 */
@Route(value = "study/:id?", layout = MainLayout.class)
@PageTitle("Study · Petal")
public class StudyView extends RoleView {

    private final ProjectService projects;
    private final StudyReportService studies;

    StudyView(SignedIn signedIn, ProjectService projects, StudyReportService studies) {
        super(signedIn, Role.COORDINATOR);
        this.projects = projects;
        this.studies = studies;
    }

    @Override
    protected void build(Actor actor, BeforeEnterEvent event) {
        List<ProjectView> all = projects.list();
        var chosenId = longParameter(event, "id");
        ProjectView chosen = chosenId.isPresent()
            ? projects.get(chosenId.getAsLong())
            : all.isEmpty() ? null : all.get(0);
        Select<ProjectView> project = new Select<>();
        project.setLabel("Project");
        project.setItems(all);
        project.setItemLabelGenerator(ProjectView::name);
        project.setWidth("28em");
        project.setId("study-project");
        add(new H2("Time-saved study"), project);
        if (chosen == null) {
            add(new Paragraph("There are no projects yet."));
            return;
        }
        project.setValue(all.stream().filter(p -> p.id() == chosen.id()).findFirst().orElse(null));
        project.addValueChangeListener(e -> getUI().ifPresent(ui -> ui.navigate(StudyView.class,
            new RouteParameters("id", String.valueOf(e.getValue().id())))));
        StudyReport report = studies.report(actor, chosen.id());
        add(headline(report.saved()), new StudyChartsElement(report),
            new H4("Time per case by mode"), StudyTables.byMode(report),
            new H4("Per annotator"), StudyTables.perAnnotator(report),
            new H4("Per label kind"), StudyTables.perLabelKind(report),
            new H4("Cases"), StudyTables.cases(report),
            new H4("Agreement (Dice per label)"), StudyTables.agreement(report),
            new H4("Throughput per week"), StudyTables.throughput(report),
            new H4("Download (CSV)"), downloads(chosen.id()),
            new Paragraph("Active time counts the time between a user's actions up to "
                + Math.round(report.definitions().idleThresholdSeconds()) + " s apart; % saved = "
                + report.definitions().savedFormula() + ", " + Math.round(100 * report.definitions().confidenceLevel())
                + " % percentile bootstrap interval from " + report.definitions().bootstrapResamples() + " resamples."));
    }

    private static Component headline(Saved s) {
        String text = s.savedPercent() == null
            ? "Not enough work yet to compare: " + s.nAiAssisted() + " AI-assisted and " + s.nManual() + " manual cases counted."
            : String.format(Locale.ROOT, "Active time saved with AI: %.1f %% (95 %% CI %s to %s) — AI-assisted %s per case (n = %d), "
                + "manual %s (n = %d).", s.savedPercent(), StudyTables.percent(s.ciLowPercent()), StudyTables.percent(s.ciHighPercent()),
                StudyTables.duration(s.meanAiAssistedSeconds()), s.nAiAssisted(), StudyTables.duration(s.meanManualSeconds()), s.nManual());
        Paragraph p = new Paragraph(text);
        p.setId("study-headline");
        p.getStyle().set("font-size", "1.15em");
        return p;
    }

    private static Component downloads(long projectId) {
        FlexLayout links = new FlexLayout();
        links.getStyle().set("gap", "14px").set("flex-wrap", "wrap");
        for (String table : StudyReportService.csvTables()) {
            Anchor a = new Anchor("/api/projects/" + projectId + "/study/" + table + ".csv", table + ".csv");
            a.getElement().setAttribute("download", "study-" + projectId + "-" + table + ".csv");
            a.setRouterIgnore(true);
            a.addClassName("study-csv");
            links.add(a);
        }
        return links;
    }

    static String mode(AssignmentMode m) {
        return m == AssignmentMode.MANUAL ? "manual" : "AI-assisted";
    }

    static <T> Grid<T> grid(String id, List<T> items) {
        Grid<T> g = new Grid<>();
        g.setItems(items);
        g.setId(id);
        if (items.size() <= 12) {
            g.setAllRowsVisible(true);
        } else {
            g.setHeight("22em");
        }
        return g;
    }
}
