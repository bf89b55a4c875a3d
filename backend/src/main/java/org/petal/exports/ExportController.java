package org.petal.exports;

import java.security.Principal;
import org.petal.users.CurrentActor;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Downloads; {@code X-Petal-Assignment} and {@code X-Petal-Revision} say which work a file came from. */
@RestController
@RequestMapping("/api")
class ExportController {

    private final ExportService exports;
    private final CurrentActor current;

    ExportController(ExportService exports, CurrentActor current) {
        this.exports = exports;
        this.current = current;
    }

    @GetMapping("/cases/{caseId}/segmentation.nii.gz")
    ResponseEntity<byte[]> segmentation(Principal p, @PathVariable long caseId) {
        return download(exports.approvedSegmentation(current.of(p), caseId));
    }

    @GetMapping("/revisions/{revisionId}/lesions.csv")
    ResponseEntity<byte[]> lesions(Principal p, @PathVariable long revisionId) {
        return download(exports.lesionCsv(current.of(p), revisionId));
    }

    private static ResponseEntity<byte[]> download(ExportService.Download d) {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(d.contentType()))
            .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(d.fileName()).build().toString())
            .header("X-Petal-Case", String.valueOf(d.caseId()))
            .header("X-Petal-Assignment", String.valueOf(d.assignmentId()))
            .header("X-Petal-Revision", String.valueOf(d.revisionId()))
            .body(d.body());
    }
}
