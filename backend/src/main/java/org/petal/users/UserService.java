package org.petal.users;

import java.time.Clock;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.petal.system.Problems;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Accounts: creation (admins only, or the system at start-up), look-up, and login. */
@Service
@Transactional(readOnly = true)
public class UserService implements UserDetailsService {

    /** Public view of an account (never the hash). */
    public record UserView(long id, String username, String displayName, Set<Role> roles) {}

    private final UserRepository users;
    private final PasswordEncoder encoder;
    private final Clock clock;

    UserService(UserRepository users, PasswordEncoder encoder, Clock clock) {
        this.users = users;
        this.encoder = encoder;
        this.clock = clock;
    }

    /** Creates an account; only an admin may. */
    @Transactional
    public UserView create(Actor actor, String username, String password, String displayName, Set<Role> roles) {
        actor.require(Role.ADMIN);
        return createUnchecked(username, password, displayName, roles);
    }

    /** Creates an account without an actor: start-up bootstrap and demo data only. */
    @Transactional
    public UserView createUnchecked(String username, String password, String displayName, Set<Role> roles) {
        if (username == null || !username.matches("[A-Za-z0-9._-]{2,64}")) {
            throw new Problems.BadRequest("a username has 2 to 64 letters, digits, '.', '_' or '-'");
        }
        if (password == null || password.length() < 8) {
            throw new Problems.BadRequest("a password has at least 8 characters");
        }
        if (roles.isEmpty()) {
            throw new Problems.BadRequest("a user needs at least one role");
        }
        if (users.findByUsername(username).isPresent()) {
            throw new Problems.Conflict("user '" + username + "' exists already");
        }
        PetalUser u = users.save(new PetalUser(username, encoder.encode(password), displayName, roles, clock.instant()));
        return view(u);
    }

    public boolean exists(String username) {
        return users.findByUsername(username).isPresent();
    }

    public boolean anyUserExists() {
        return users.count() > 0;
    }

    public Actor actor(String username) {
        return users.findByUsername(username).map(PetalUser::asActor)
            .orElseThrow(() -> new Problems.NotFound("no user " + username));
    }

    public UserView get(long id) {
        return users.findById(id).map(UserService::view).orElseThrow(() -> new Problems.NotFound("no user " + id));
    }

    /** A user's names, for lists of people. */
    public record UserName(long id, String username, String displayName) {}

    /** Names of the users with these ids, by id (unknown ids are left out); one query. */
    public Map<Long, UserName> names(Collection<Long> ids) {
        Map<Long, UserName> names = new LinkedHashMap<>();
        if (!ids.isEmpty()) {
            users.namesOf(ids).forEach(r -> names.put((Long) r[0], new UserName((Long) r[0], (String) r[1], (String) r[2])));
        }
        return names;
    }

    /** Which of these users hold the role (unknown ids are left out); one query. */
    public Set<Long> holding(Role role, Collection<Long> ids) {
        return ids.isEmpty() ? Set.of() : new HashSet<>(users.holding(role, ids));
    }

    public List<UserView> list(Actor actor) {
        actor.require(Role.ADMIN, Role.LEAD, Role.COORDINATOR);
        return users.findAll().stream().map(UserService::view).toList();
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        PetalUser u = users.findByUsername(username).orElseThrow(() -> new UsernameNotFoundException(username));
        return User.withUsername(u.getUsername()).password(u.getPasswordHash()).disabled(!u.isEnabled())
            .roles(u.getRoles().stream().map(Enum::name).toArray(String[]::new)).build();
    }

    static UserView view(PetalUser u) {
        return new UserView(u.getId(), u.getUsername(), u.getDisplayName(), u.getRoles());
    }
}
