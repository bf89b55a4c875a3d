package org.petal.annotation;

import java.security.Principal;
import java.util.List;
import org.petal.assignment.AssignmentView;
import org.petal.users.CurrentActor;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Revisions, submission and time figures of an assignment. */
@RestController
@RequestMapping("/api")
class AnnotationController {

    private final RevisionService revisions;
    private final RevisionStatistics statistics;
    private final InteractionLog log;
    private final CurrentActor current;

    AnnotationController(RevisionService revisions, RevisionStatistics statistics, InteractionLog log, CurrentActor current) {
        this.revisions = revisions;
        this.statistics = statistics;
        this.log = log;
        this.current = current;
    }

    /** Accepts a whole label map: body = deflate-u8 (see {@link LabelMapCodec}), e.g. from a manual brush tool. */
    @PostMapping(path = "/assignments/{id}/revisions", consumes = MediaType.APPLICATION_OCTET_STREAM_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    RevisionService.RevisionView accept(Principal p, @PathVariable long id, @RequestParam MaskRevision.Source source,
                                        @RequestBody byte[] body) {
        var actor = current.of(p);
        var assignment = revisions.caseVoxels(actor, id);
        return revisions.accept(actor, id, null, LabelMapCodec.decompress(body, assignment), source);
    }

    @GetMapping("/assignments/{id}/revisions")
    List<RevisionService.RevisionView> list(Principal p, @PathVariable long id) {
        return revisions.list(current.of(p), id);
    }

    @GetMapping("/revisions/{id}/labels.nii.gz")
    ResponseEntity<byte[]> nifti(Principal p, @PathVariable long id) {
        byte[] data = revisions.nifti(current.of(p), id);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_OCTET_STREAM)
            .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"revision-" + id + "-labels.nii.gz\"")
            .body(data);
    }

    /** The label map for viewers: zlib-deflated bytes, one per voxel, i fastest (see docs/protocol.md). */
    @GetMapping("/revisions/{id}/labels")
    ResponseEntity<byte[]> labels(Principal p, @PathVariable long id) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_OCTET_STREAM)
            .header(HttpHeaders.CACHE_CONTROL, "private, max-age=86400, immutable")  // revisions never change
            .body(revisions.compressedLabels(current.of(p), id));
    }

    @GetMapping("/revisions/{id}/statistics")
    List<RevisionStatistics.LabelStatistics> statistics(Principal p, @PathVariable long id) {
        return statistics.of(current.of(p), id);
    }

    @PostMapping("/assignments/{id}/submit")
    AssignmentView submit(Principal p, @PathVariable long id, @RequestParam long version) {
        return revisions.submit(current.of(p), id, version, null);
    }

    @GetMapping("/assignments/{id}/time")
    TimeAccounting.TimeSummary time(Principal p, @PathVariable long id) {
        return log.summary(current.of(p), id);
    }
}
