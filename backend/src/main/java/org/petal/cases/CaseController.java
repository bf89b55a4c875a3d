package org.petal.cases;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.security.Principal;
import java.util.List;
import org.petal.users.CurrentActor;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Reading cases and the lead's SUV correction. Cases are created by imports ({@code cases.imports}). */
@RestController
@RequestMapping("/api")
class CaseController {

    /**
     * A lead's correction of weight and/or injected dose; a null one keeps the imported value.
     * {@code version} is the case version the lead saw (409 when someone changed it since).
     */
    record SuvCorrectionRequest(Double weightKg, Double doseBq, String note, @NotNull Long version) {}

    private final CaseService cases;
    private final CurrentActor current;

    CaseController(CaseService cases, CurrentActor current) {
        this.cases = cases;
        this.current = current;
    }

    @GetMapping("/projects/{projectId}/cases")
    List<CaseView> list(Principal p, @PathVariable long projectId) {
        return cases.list(current.of(p), projectId);
    }

    @GetMapping("/cases/{id}")
    CaseView get(Principal p, @PathVariable long id) {
        return cases.get(current.of(p), id);
    }

    @PutMapping("/cases/{id}/suv")
    CaseView correctSuv(Principal p, @PathVariable long id, @Valid @RequestBody SuvCorrectionRequest r) {
        return cases.correctSuv(current.of(p), id, r.weightKg(), r.doseBq(), r.note(), r.version());
    }
}
