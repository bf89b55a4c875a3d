package org.petal.report.study;

import java.security.Principal;
import org.petal.users.CurrentActor;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The time-saved study as JSON and as one CSV per table (docs/study.md). */
@RestController
@RequestMapping("/api/projects/{id}/study")
class StudyController {

    private final StudyReportService study;
    private final CurrentActor current;

    StudyController(StudyReportService study, CurrentActor current) {
        this.study = study;
        this.current = current;
    }

    @GetMapping
    StudyReport report(Principal p, @PathVariable long id) {
        return study.report(current.of(p), id);
    }

    @GetMapping(path = "/{table}.csv", produces = "text/csv")
    ResponseEntity<String> csv(Principal p, @PathVariable long id, @PathVariable String table) {
        String body = study.csv(current.of(p), id, table);
        return ResponseEntity.ok().contentType(new MediaType("text", "csv"))
            .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"petal-study-" + id + "-" + table + ".csv\"")
            .body(body);
    }
}
