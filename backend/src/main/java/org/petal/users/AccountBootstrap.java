package org.petal.users;

import java.security.SecureRandom;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.Set;
import org.petal.system.PetalProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * First start: creates the admin (password from {@code PETAL_ADMIN_PASSWORD}, or generated and printed
 * once). With {@code petal.demo=true} also one demo user per role, password {@code demo-<role>}.
 */
@Component
@Order(0)
class AccountBootstrap implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(AccountBootstrap.class);

    /** Demo accounts: username = password prefix, one per role (documented in the README). */
    static final Set<Role> DEMO_ROLES = EnumSet.of(Role.ANNOTATOR, Role.REVIEWER, Role.LEAD, Role.COORDINATOR);

    private final UserService users;
    private final PetalProperties properties;

    AccountBootstrap(UserService users, PetalProperties properties) {
        this.users = users;
        this.properties = properties;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!users.anyUserExists()) {
            String password = properties.adminPassword();
            boolean generated = password.isBlank();
            if (generated) {
                byte[] bytes = new byte[12];
                new SecureRandom().nextBytes(bytes);
                password = HexFormat.of().formatHex(bytes);
            }
            users.createUnchecked("admin", password, "Administrator", EnumSet.of(Role.ADMIN));
            if (generated) {
                // Printed once, on the console only: it is not stored anywhere in clear.
                System.out.println("Petal: created user 'admin' with password " + password
                    + " (set PETAL_ADMIN_PASSWORD to choose it)");
            } else {
                log.info("created user 'admin' with the password from PETAL_ADMIN_PASSWORD");
            }
        }
        if (properties.demo()) {
            for (Role role : DEMO_ROLES) {
                String name = role.name().toLowerCase();
                if (!users.exists(name)) {
                    users.createUnchecked(name, "demo-" + name, "Demo " + name, EnumSet.of(role));
                }
            }
            if (!users.exists("annotator2")) {
                users.createUnchecked("annotator2", "demo-annotator", "Demo annotator 2", EnumSet.of(Role.ANNOTATOR));
            }
        }
    }
}
