package org.petal.ui;

import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import org.petal.system.Problems;
import org.petal.users.Actor;
import org.petal.users.Role;

/**
 * A screen for one role. Anyone without it sees one sentence saying whose page this is, and nothing of
 * the page is built or read. This is the UI's half of the rule; the services called by {@link #build}
 * check the same role again, so a forged request is refused there too (and shown the same way).
 */
public abstract class RoleView extends VerticalLayout implements BeforeEnterObserver {

    private final SignedIn signedIn;
    private final Role role;

    protected RoleView(SignedIn signedIn, Role role) {
        this.signedIn = signedIn;
        this.role = role;
    }

    @Override
    public final void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        Actor actor = signedIn.actor();
        if (!actor.has(role)) {
            refuse("This page is for " + whoseName(role) + "; you are signed in as " + actor.username() + ".");
            return;
        }
        try {
            build(actor, event);
        } catch (Problems.NotFound | Problems.Forbidden | Problems.BadRequest e) {
            removeAll();
            refuse(e.getMessage());
        }
    }

    /** Builds the page for an actor who holds the role. */
    protected abstract void build(Actor actor, BeforeEnterEvent event);

    protected void refuse(String why) {
        Paragraph refusal = new Paragraph(why);
        refusal.setId("refused");
        add(refusal);
    }

    /** A route parameter as a number, or empty when it is missing or not a number. */
    protected static java.util.OptionalLong longParameter(BeforeEnterEvent event, String name) {
        try {
            return java.util.OptionalLong.of(Long.parseLong(event.getRouteParameters().get(name).orElse("")));
        } catch (NumberFormatException e) {
            return java.util.OptionalLong.empty();
        }
    }

    static String whoseName(Role role) {
        return switch (role) {
            case LEAD -> "project leads";
            case REVIEWER -> "reviewers";
            case COORDINATOR -> "study coordinators";
            case ANNOTATOR -> "annotators";
            case ADMIN -> "administrators";
        };
    }
}
