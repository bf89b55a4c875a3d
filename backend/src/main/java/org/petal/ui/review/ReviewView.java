package org.petal.ui.review;

import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import org.petal.assignment.AssignmentService;
import org.petal.assignment.AssignmentView;
import org.petal.ui.AnnotatorElement;
import org.petal.ui.MainLayout;
import org.petal.ui.RoleView;
import org.petal.ui.SignedIn;
import org.petal.users.Actor;
import org.petal.users.Role;

/**
 * A reviewer's view of one assignment: the workspace in review mode (read only, revision history and
 * compare, pinned comments, approve or request changes). Nobody reviews their own work: the page says so
 * and does not load the workspace, and the service refuses the decision too.
 */
@Route(value = "review/:id", layout = MainLayout.class)
@PageTitle("Review · Petal")
public class ReviewView extends RoleView {

    private final AssignmentService assignments;

    ReviewView(SignedIn signedIn, AssignmentService assignments) {
        super(signedIn, Role.REVIEWER);
        this.assignments = assignments;
        setSizeFull();
        setPadding(false);
        setSpacing(false);
    }

    @Override
    protected void build(Actor actor, BeforeEnterEvent event) {
        var id = longParameter(event, "id");
        if (id.isEmpty()) {
            refuse("No such assignment.");
            return;
        }
        AssignmentView a = assignments.get(actor, id.getAsLong());
        if (a.annotatorId() == actor.id()) {
            refuse("Nobody reviews their own work: assignment " + a.id() + " is yours.");
            return;
        }
        add(AnnotatorElement.review(a.id()));
    }
}
