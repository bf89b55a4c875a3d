package org.petal.ui;

import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import org.petal.assignment.AssignmentService;
import org.petal.system.Problems;

/**
 * The annotator's workspace for one assignment. Whether the user may open it is decided by the
 * assignment service (only the assigned annotator, leads and reviewers may read it); a refusal is shown
 * as one sentence, and the component never loads.
 */
@Route(value = "annotate/:id", layout = MainLayout.class)
@PageTitle("Annotate · Petal")
class AnnotateView extends VerticalLayout implements BeforeEnterObserver {

    private final SignedIn signedIn;
    private final AssignmentService assignments;

    AnnotateView(SignedIn signedIn, AssignmentService assignments) {
        this.signedIn = signedIn;
        this.assignments = assignments;
        setSizeFull();
        setPadding(false);
        setSpacing(false);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        long id;
        try {
            id = Long.parseLong(event.getRouteParameters().get("id").orElse(""));
        } catch (NumberFormatException e) {
            add(new Paragraph("No such assignment."));
            return;
        }
        try {
            assignments.get(signedIn.actor(), id);
        } catch (Problems.NotFound | Problems.Forbidden e) {
            add(new Paragraph(e.getMessage()));
            return;
        }
        add(AnnotatorElement.annotate(id));
    }
}
