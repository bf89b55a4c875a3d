package org.petal.ui;

import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.router.RouterLink;

/** The frame around every screen: the product name, navigation, who is signed in, and logging out. */
class MainLayout extends AppLayout {

    MainLayout(SignedIn signedIn) {
        H1 title = new H1("Petal");
        title.getStyle().set("font-size", "1.1rem").set("margin", "0 1rem");
        var actor = signedIn.actor();
        Span who = new Span(actor.username() + " (" + actor.roles().stream().map(Enum::name).sorted()
            .map(String::toLowerCase).reduce((a, b) -> a + ", " + b).orElse("") + ")");
        Anchor logout = new Anchor("/logout", "Log out");
        logout.setRouterIgnore(true);
        HorizontalLayout bar = new HorizontalLayout(title, new RouterLink("Worklist", WorklistView.class), who, logout);
        bar.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
        bar.setWidthFull();
        bar.expand(who);
        who.getStyle().set("text-align", "right");
        addToNavbar(bar);
    }
}
