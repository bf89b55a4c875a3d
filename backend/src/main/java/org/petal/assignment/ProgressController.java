package org.petal.assignment;

import java.security.Principal;
import org.petal.users.CurrentActor;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/projects/{id}/progress}: the lead's dashboard of a project's work and the inference workers. */
@RestController
@RequestMapping("/api")
class ProgressController {

    private final ProjectProgressService progress;
    private final CurrentActor current;

    ProgressController(ProjectProgressService progress, CurrentActor current) {
        this.progress = progress;
        this.current = current;
    }

    @GetMapping("/projects/{projectId}/progress")
    ProjectProgressService.Progress progress(Principal p, @PathVariable long projectId) {
        return progress.of(current.of(p), projectId);
    }
}
