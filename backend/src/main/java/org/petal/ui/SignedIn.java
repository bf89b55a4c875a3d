package org.petal.ui;

import org.petal.users.Actor;
import org.petal.users.CurrentActor;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/** The actor of the current Vaadin request, from Spring Security's context (views run on request threads). */
@Component
public class SignedIn {

    private final CurrentActor currentActor;

    SignedIn(CurrentActor currentActor) {
        this.currentActor = currentActor;
    }

    public Actor actor() {
        return currentActor.of(SecurityContextHolder.getContext().getAuthentication());
    }
}
