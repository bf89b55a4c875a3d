package org.petal.assignment;

import java.security.Principal;
import java.time.LocalDate;
import java.util.List;
import org.petal.users.CurrentActor;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/projects/{id}/assignments/bulk}: a lead's bulk assignment with a study design (or its preview). */
@RestController
@RequestMapping("/api")
class BulkAssignmentController {

    /** {@code preview}: plan only, create nothing. */
    record BulkRequest(List<Long> caseIds, List<Long> annotatorIds, Reading reading, StudyDesign design, LocalDate dueDate,
                       boolean preview) {}

    private final BulkAssignmentService bulk;
    private final CurrentActor current;

    BulkAssignmentController(BulkAssignmentService bulk, CurrentActor current) {
        this.bulk = bulk;
        this.current = current;
    }

    /** 201 when assignments were created, 200 for a preview or a repeated request that created none. */
    @PostMapping("/projects/{projectId}/assignments/bulk")
    ResponseEntity<BulkAssignmentService.Result> bulk(Principal p, @PathVariable long projectId, @RequestBody BulkRequest r) {
        var request = new BulkAssignmentService.Request(r.caseIds(), r.annotatorIds(), r.reading(), r.design(), r.dueDate());
        var actor = current.of(p);
        var result = r.preview() ? bulk.preview(actor, projectId, request) : bulk.assign(actor, projectId, request);
        return ResponseEntity.status(result.created() > 0 && !result.preview() ? HttpStatus.CREATED : HttpStatus.OK).body(result);
    }
}
