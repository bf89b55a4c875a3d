package org.petal.ui.lead;

import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import org.petal.assignment.AssignmentService;
import org.petal.assignment.BulkAssignmentService;
import org.petal.assignment.ProjectProgressService;
import org.petal.cases.CaseService;
import org.petal.cases.imports.ImportService;
import org.petal.projects.ProjectService;
import org.petal.ui.MainLayout;
import org.petal.ui.RoleView;
import org.petal.ui.SignedIn;
import org.petal.users.Actor;
import org.petal.users.Role;
import org.petal.users.UserService;

/**
 * One project for its lead: the cases with their SUV parameters, imports, bulk assignment and the progress
 * dashboard, one tab each. Each tab is built when the page opens; the services check the lead role again.
 */
@Route(value = "projects/:id", layout = MainLayout.class)
@PageTitle("Project · Petal")
public class ProjectPage extends RoleView {

    private final ProjectService projects;
    private final CaseService cases;
    private final ImportService imports;
    private final BulkAssignmentService bulk;
    private final ProjectProgressService progress;
    private final UserService users;
    private final AssignmentService assignments;

    ProjectPage(SignedIn signedIn, ProjectService projects, CaseService cases, ImportService imports,
                BulkAssignmentService bulk, ProjectProgressService progress, UserService users,
                AssignmentService assignments) {
        super(signedIn, Role.LEAD);
        this.projects = projects;
        this.cases = cases;
        this.imports = imports;
        this.bulk = bulk;
        this.progress = progress;
        this.users = users;
        this.assignments = assignments;
    }

    @Override
    protected void build(Actor actor, BeforeEnterEvent event) {
        var id = longParameter(event, "id");
        if (id.isEmpty()) {
            refuse("No such project.");
            return;
        }
        var project = projects.get(id.getAsLong());
        CasesPanel casesPanel = new CasesPanel(actor, project.id(), cases, assignments);
        ProgressPanel progressPanel = new ProgressPanel(actor, project.id(), progress);
        TabSheet tabs = new TabSheet();
        tabs.add("Cases", casesPanel).setId("tab-cases");
        tabs.add("Import", new ImportPanel(actor, project.id(), imports, casesPanel::refresh)).setId("tab-import");
        tabs.add("Assign", new AssignPanel(actor, project.id(), bulk, cases, users)).setId("tab-assign");
        tabs.add("Progress", progressPanel).setId("tab-progress");
        tabs.addSelectedChangeListener(e -> {
            if (e.getSelectedTab().getId().orElse("").equals("tab-progress")) {
                progressPanel.refresh();
            }
        });
        tabs.setWidthFull();
        setSizeFull();
        add(new H2(project.name()), tabs);
    }
}
