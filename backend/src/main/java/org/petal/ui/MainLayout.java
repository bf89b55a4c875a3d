package org.petal.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.router.RouterLink;
import java.util.ArrayList;
import java.util.List;
import org.petal.ui.lead.ProjectsView;
import org.petal.ui.review.ReviewQueueView;
import org.petal.ui.study.StudyView;
import org.petal.users.Actor;
import org.petal.users.Role;

/**
 * The frame around every screen: the product name, the links the user's roles open (nobody is shown a
 * page they would be refused), who is signed in, and logging out.
 */
public class MainLayout extends AppLayout {

    public MainLayout(SignedIn signedIn) {
        H1 title = new H1("Petal");
        title.getStyle().set("font-size", "1.1rem").set("margin", "0 1rem");
        Actor actor = signedIn.actor();
        Span who = new Span(actor.username() + " (" + actor.roles().stream().map(Enum::name).sorted()
            .map(String::toLowerCase).reduce((a, b) -> a + ", " + b).orElse("") + ")");
        Anchor logout = new Anchor("/logout", "Log out");
        logout.setRouterIgnore(true);
        List<Component> items = new ArrayList<>(List.of(title));
        items.addAll(links(actor));
        items.add(who);
        items.add(logout);
        HorizontalLayout bar = new HorizontalLayout(items.toArray(Component[]::new));
        bar.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
        bar.setWidthFull();
        bar.expand(who);
        who.getStyle().set("text-align", "right");
        addToNavbar(bar);
    }

    private static List<RouterLink> links(Actor actor) {
        List<RouterLink> links = new ArrayList<>();
        links.add(link("Worklist", WorklistView.class, "nav-worklist"));
        if (actor.has(Role.LEAD)) {
            links.add(link("Projects", ProjectsView.class, "nav-projects"));
        }
        if (actor.has(Role.REVIEWER)) {
            links.add(link("Review", ReviewQueueView.class, "nav-review"));
        }
        if (actor.has(Role.COORDINATOR)) {
            links.add(link("Study", StudyView.class, "nav-study"));
        }
        return links;
    }

    private static RouterLink link(String text, Class<? extends Component> view, String id) {
        RouterLink link = new RouterLink(text, view);
        link.setId(id);
        return link;
    }
}
