package org.petal.users;

import java.util.Set;

/**
 * Who is acting, as services see it: every service method that reads or changes something takes one and
 * checks roles and ownership itself, so REST, WebSocket and views get the same rules.
 */
public record Actor(long id, String username, Set<Role> roles) {

    public Actor {
        roles = Set.copyOf(roles);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    /** Throws {@link org.petal.system.Problems.Forbidden} unless the actor holds one of the roles. */
    public void require(Role... anyOf) {
        for (Role r : anyOf) {
            if (has(r)) {
                return;
            }
        }
        throw new org.petal.system.Problems.Forbidden(username + " lacks the role for this (needs one of "
            + java.util.Arrays.toString(anyOf) + ")");
    }
}
