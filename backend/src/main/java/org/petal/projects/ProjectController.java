package org.petal.projects;

import jakarta.validation.Valid;
import java.security.Principal;
import java.util.List;
import org.petal.users.CurrentActor;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/projects")
class ProjectController {

    private final ProjectService projects;
    private final CurrentActor current;

    ProjectController(ProjectService projects, CurrentActor current) {
        this.projects = projects;
        this.current = current;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    ProjectService.ProjectView create(Principal p, @Valid @RequestBody ProjectService.NewProject spec) {
        return projects.create(current.of(p), spec);
    }

    @GetMapping
    List<ProjectService.ProjectView> list(Principal p) {
        current.of(p);
        return projects.list();
    }

    @GetMapping("/{id}")
    ProjectService.ProjectView get(Principal p, @PathVariable long id) {
        current.of(p);
        return projects.get(id);
    }
}
