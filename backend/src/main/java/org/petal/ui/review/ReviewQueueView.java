package org.petal.ui.review;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.data.renderer.LitRenderer;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import java.util.List;
import java.util.Map;
import org.petal.assignment.AssignmentService;
import org.petal.assignment.AssignmentView;
import org.petal.cases.CaseService;
import org.petal.ui.MainLayout;
import org.petal.ui.RoleView;
import org.petal.ui.SignedIn;
import org.petal.users.Actor;
import org.petal.users.Role;
import org.petal.users.UserService;

/** Submitted work of others waiting for a decision, oldest first. */
@Route(value = "review", layout = MainLayout.class)
@PageTitle("Review · Petal")
public class ReviewQueueView extends RoleView {

    private final AssignmentService assignments;
    private final CaseService cases;
    private final UserService users;

    ReviewQueueView(SignedIn signedIn, AssignmentService assignments, CaseService cases, UserService users) {
        super(signedIn, Role.REVIEWER);
        this.assignments = assignments;
        this.cases = cases;
        this.users = users;
    }

    @Override
    protected void build(Actor actor, BeforeEnterEvent event) {
        List<AssignmentView> queue = assignments.reviewQueue(actor);
        Map<Long, String> keys = cases.keys(actor, queue.stream().map(AssignmentView::caseId).distinct().toList());
        Map<Long, UserService.UserName> names = users.names(queue.stream().map(AssignmentView::annotatorId).distinct().toList());
        Grid<AssignmentView> grid = new Grid<>();
        grid.addColumn(AssignmentView::id).setHeader("#").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(a -> keys.get(a.caseId())).setHeader("Case");
        grid.addColumn(a -> names.containsKey(a.annotatorId()) ? names.get(a.annotatorId()).username() : "?").setHeader("Annotator");
        grid.addColumn(a -> a.mode() == org.petal.assignment.AssignmentMode.MANUAL ? "manual" : "AI-assisted").setHeader("Mode");
        grid.addColumn(AssignmentView::updatedAt).setHeader("Submitted");
        // A template renderer, not a component per row: a queue of thousands stays cheap to scroll.
        grid.addColumn(LitRenderer.<AssignmentView>of("<vaadin-button class=\"review-open\" theme=\"small\" "
            + "@click=${open}>Review</vaadin-button>").withFunction("open", a -> open(a.id()))).setHeader("");
        grid.setItems(queue);
        grid.setId("review-queue");
        grid.setHeight("70vh");
        grid.addItemDoubleClickListener(e -> open(e.getItem().id()));
        add(new H2("Waiting for review (" + queue.size() + ")"),
            queue.isEmpty() ? new Paragraph("Nothing is waiting for review.") : grid);
    }

    private void open(long assignmentId) {
        getUI().ifPresent(ui -> ui.navigate(ReviewView.class, new RouteParameters("id", String.valueOf(assignmentId))));
    }
}
