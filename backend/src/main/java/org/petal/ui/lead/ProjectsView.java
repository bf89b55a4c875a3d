package org.petal.ui.lead;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import java.util.stream.Collectors;
import org.petal.cases.CaseService;
import org.petal.projects.ProjectService;
import org.petal.projects.ProjectService.ProjectView;
import org.petal.system.Problems;
import org.petal.ui.MainLayout;
import org.petal.ui.RoleView;
import org.petal.ui.SignedIn;
import org.petal.users.Actor;
import org.petal.users.Role;

/** A lead's projects, and the form that creates one with its label set. */
@Route(value = "projects", layout = MainLayout.class)
@PageTitle("Projects · Petal")
public class ProjectsView extends RoleView {

    private final ProjectService projects;
    private final CaseService cases;

    ProjectsView(SignedIn signedIn, ProjectService projects, CaseService cases) {
        super(signedIn, Role.LEAD);
        this.projects = projects;
        this.cases = cases;
    }

    @Override
    protected void build(Actor actor, BeforeEnterEvent event) {
        Grid<ProjectView> grid = new Grid<>();
        grid.addColumn(ProjectView::name).setHeader("Project").setFlexGrow(2);
        grid.addColumn(p -> p.labels().stream().map(ProjectService.LabelSpec::name).collect(Collectors.joining(", ")))
            .setHeader("Labels").setFlexGrow(2);
        grid.addColumn(p -> cases.count(actor, p.id())).setHeader("Cases").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(ProjectView::description).setHeader("Description").setFlexGrow(3);
        grid.setItems(projects.list());
        grid.setAllRowsVisible(true);
        grid.setId("projects");
        grid.addItemClickListener(e -> open(e.getItem().id()));
        add(new H2("Projects"), grid, newProjectForm(actor));
    }

    private com.vaadin.flow.component.Component newProjectForm(Actor actor) {
        TextField name = new TextField("Name");
        name.setId("project-name");
        name.setWidth("24em");
        TextArea description = new TextArea("Description");
        description.setWidth("40em");
        LabelSetEditor labels = new LabelSetEditor();
        Paragraph error = new Paragraph();
        error.setId("project-error");
        error.getStyle().set("color", "var(--lumo-error-text-color)");
        Button create = new Button("Create project", e -> {
            try {
                ProjectView p = projects.create(actor, new ProjectService.NewProject(name.getValue().strip(),
                    description.getValue(), labels.labels()));
                open(p.id());
            } catch (Problems.BadRequest | Problems.Conflict refused) {
                error.setText(refused.getMessage());
            }
        });
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.setId("create-project");
        var form = new com.vaadin.flow.component.orderedlayout.VerticalLayout(new H3("New project"), name, description,
            new Paragraph("Labels (value in the label map, name, colour, organ or lesion, default engine):"), labels, error,
            create);
        form.setPadding(false);
        return form;
    }

    private void open(long projectId) {
        getUI().ifPresent(ui -> ui.navigate(ProjectPage.class, new RouteParameters("id", String.valueOf(projectId))));
    }
}
