package org.petal.assignment;

import java.security.Principal;
import java.time.LocalDate;
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
@RequestMapping("/api")
class AssignmentController {

    record NewAssignment(long caseId, long annotatorId, AssignmentMode mode, LocalDate dueDate) {}

    private final AssignmentService assignments;
    private final CurrentActor current;

    AssignmentController(AssignmentService assignments, CurrentActor current) {
        this.assignments = assignments;
        this.current = current;
    }

    @PostMapping("/assignments")
    @ResponseStatus(HttpStatus.CREATED)
    AssignmentView assign(Principal p, @RequestBody NewAssignment a) {
        return assignments.assign(current.of(p), a.caseId(), a.annotatorId(), a.mode(), a.dueDate());
    }

    @GetMapping("/assignments/mine")
    List<AssignmentView> mine(Principal p) {
        return assignments.mine(current.of(p));
    }

    @GetMapping("/assignments/{id}")
    AssignmentView get(Principal p, @PathVariable long id) {
        return assignments.get(current.of(p), id);
    }

    @PostMapping("/assignments/{id}/start")
    AssignmentView start(Principal p, @PathVariable long id) {
        return assignments.start(current.of(p), id);
    }

    @GetMapping("/review-queue")
    List<AssignmentView> queue(Principal p) {
        return assignments.reviewQueue(current.of(p));
    }

    @GetMapping("/cases/{caseId}/assignments")
    List<AssignmentView> ofCase(Principal p, @PathVariable long caseId) {
        return assignments.ofCase(current.of(p), caseId);
    }
}
