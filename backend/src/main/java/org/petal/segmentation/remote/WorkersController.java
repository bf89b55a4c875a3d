package org.petal.segmentation.remote;

import java.security.Principal;
import java.util.List;
import java.util.Locale;
import org.petal.users.CurrentActor;
import org.petal.users.Role;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/workers}: where engines run and how deep each worker's queue is (leads and admins). */
@RestController
class WorkersController {

    /**
     * @param mode    {@code in-process}, {@code remote} or {@code auto}
     * @param workers connected workers, oldest first (empty in {@code in-process} mode)
     */
    record WorkersView(String mode, List<WorkerConnection.WorkerView> workers) {}

    private final WorkerRegistry registry;
    private final WorkerProperties properties;
    private final CurrentActor current;

    WorkersController(WorkerRegistry registry, WorkerProperties properties, CurrentActor current) {
        this.registry = registry;
        this.properties = properties;
        this.current = current;
    }

    @GetMapping("/api/workers")
    WorkersView list(Principal p) {
        current.of(p).require(Role.LEAD, Role.ADMIN);
        String mode = properties.mode().name().toLowerCase(Locale.ROOT).replace('_', '-');
        return new WorkersView(mode, registry.list());
    }
}
