package org.petal.users;

import java.security.Principal;
import org.petal.system.Problems;
import org.springframework.stereotype.Component;

/** Maps the authenticated principal of a request or WebSocket session to the {@link Actor} services expect. */
@Component
public class CurrentActor {

    private final UserService users;

    CurrentActor(UserService users) {
        this.users = users;
    }

    public Actor of(Principal principal) {
        if (principal == null) {
            throw new Problems.Forbidden("not logged in");
        }
        return users.actor(principal.getName());
    }
}
