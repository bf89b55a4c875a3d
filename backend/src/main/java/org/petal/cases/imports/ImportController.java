package org.petal.cases.imports;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.security.Principal;
import java.util.List;
import org.petal.system.Problems;
import org.petal.users.Actor;
import org.petal.users.CurrentActor;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * {@code POST /api/projects/{projectId}/imports} (multipart: {@code file}, optional {@code caseKey} and
 * {@code unit}) answers 202 with the QUEUED job and its URL; clients poll {@code GET /api/imports/{id}}.
 */
@RestController
@RequestMapping("/api")
class ImportController {

    private final ImportService imports;
    private final CurrentActor current;

    ImportController(ImportService imports, CurrentActor current) {
        this.imports = imports;
        this.current = current;
    }

    @PostMapping(path = "/projects/{projectId}/imports", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<ImportJobView> submit(Principal p, @PathVariable long projectId,
                                         @RequestPart(name = "file", required = false) MultipartFile file,
                                         @RequestParam(required = false) String caseKey,
                                         @RequestParam(required = false) String unit) throws IOException {
        Actor actor = current.of(p);
        if (file == null || file.isEmpty()) {
            throw new Problems.BadRequest("send the image as the non-empty multipart part 'file'");
        }
        ImportJobView job;
        try (InputStream in = file.getInputStream()) {
            job = imports.submit(actor, projectId, file.getOriginalFilename(), in, caseKey, unit);
        }
        return ResponseEntity.accepted().location(URI.create("/api/imports/" + job.id())).body(job);
    }

    @GetMapping("/imports/{id}")
    ImportJobView get(Principal p, @PathVariable long id) {
        return imports.get(current.of(p), id);
    }

    @GetMapping("/projects/{projectId}/imports")
    List<ImportJobView> ofProject(Principal p, @PathVariable long projectId) {
        return imports.ofProject(current.of(p), projectId);
    }
}
