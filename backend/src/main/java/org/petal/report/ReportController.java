package org.petal.report;

import java.security.Principal;
import java.util.List;
import org.petal.users.CurrentActor;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/reports")
class ReportController {

    private final TimeReportService reports;
    private final CurrentActor current;

    ReportController(TimeReportService reports, CurrentActor current) {
        this.reports = reports;
        this.current = current;
    }

    @GetMapping("/time")
    List<TimeReportService.Row> time(Principal p) {
        return reports.rows(current.of(p));
    }

    @GetMapping(path = "/time.csv", produces = "text/csv")
    ResponseEntity<String> timeCsv(Principal p) {
        return ResponseEntity.ok().contentType(new MediaType("text", "csv"))
            .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"petal-time.csv\"").body(reports.csv(current.of(p)));
    }
}
