package org.petal.users;

import java.security.Principal;
import java.util.List;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api")
class UserController {

    record NewUser(String username, String password, String displayName, Set<Role> roles) {}

    private final UserService users;
    private final CurrentActor current;

    UserController(UserService users, CurrentActor current) {
        this.users = users;
        this.current = current;
    }

    @GetMapping("/me")
    Actor me(Principal p) {
        return current.of(p);
    }

    @GetMapping("/users")
    List<UserService.UserView> list(Principal p) {
        return users.list(current.of(p));
    }

    @PostMapping("/users")
    @ResponseStatus(HttpStatus.CREATED)
    UserService.UserView create(Principal p, @RequestBody NewUser u) {
        return users.create(current.of(p), u.username(), u.password(), u.displayName() == null ? u.username() : u.displayName(),
            u.roles() == null ? Set.of() : u.roles());
    }
}
