package org.petal.projects;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.petal.audit.AuditLog;
import org.petal.ml.dataset.LabelKind;
import org.petal.ml.segment.Engines;
import org.petal.system.Problems;
import org.petal.users.Actor;
import org.petal.users.Role;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Projects and their label sets. Leads create them; everyone logged in may read them. */
@Service
@Transactional(readOnly = true)
public class ProjectService {

    /** A label as a lead defines it. {@code value} is its voxel value in label maps (1–255). */
    public record LabelSpec(@Min(1) @Max(255) int value, @NotBlank String name,
                            @NotNull @Pattern(regexp = "#[0-9a-fA-F]{6}") String colour, @NotNull LabelKind kind,
                            String defaultEngine) {}

    public record NewProject(@NotBlank String name, String description, @NotNull List<@Valid LabelSpec> labels) {}

    public record ProjectView(long id, String name, String description, List<LabelSpec> labels) {}

    private final ProjectRepository projects;
    private final AuditLog audit;
    private final Clock clock;

    ProjectService(ProjectRepository projects, AuditLog audit, Clock clock) {
        this.projects = projects;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public ProjectView create(Actor actor, NewProject spec) {
        actor.require(Role.LEAD);
        if (spec.name() == null || spec.name().isBlank()) {
            throw new Problems.BadRequest("a project needs a name");
        }
        if (projects.existsByName(spec.name())) {
            throw new Problems.Conflict("a project named '" + spec.name() + "' exists already");
        }
        if (spec.labels() == null || spec.labels().isEmpty()) {
            throw new Problems.BadRequest("a project needs at least one label");
        }
        Project p = new Project(spec.name(), spec.description() == null ? "" : spec.description(), actor.id(), clock.instant());
        Set<Integer> values = new HashSet<>();
        Set<String> names = new HashSet<>();
        for (LabelSpec l : spec.labels()) {
            requireWellFormed(l);
            if (!values.add(l.value()) || !names.add(l.name())) {
                throw new Problems.BadRequest("label values and names must be unique in a project: " + l.name());
            }
            String engine = l.defaultEngine() == null || l.defaultEngine().isBlank() ? "suv-grow" : l.defaultEngine();
            if (!Engines.names().contains(engine)) {
                throw new Problems.BadRequest("unknown engine '" + engine + "'; known: " + Engines.names());
            }
            p.addLabel(l.value(), l.name(), l.colour(), l.kind(), engine);
        }
        Project saved = projects.save(p);
        audit.record(actor, "PROJECT_CREATED", "project", saved.getId(), saved.getName());
        return view(saved);
    }

    /**
     * The REST layer validates these too, but views and other callers reach the service directly: a
     * label that would break the label maps or the colour swatches is refused here.
     */
    private static void requireWellFormed(LabelSpec l) {
        if (l.name() == null || l.name().isBlank()) {
            throw new Problems.BadRequest("every label needs a name");
        }
        if (l.value() < 1 || l.value() > 255) {
            throw new Problems.BadRequest("label '" + l.name() + "': the voxel value must be 1-255, not " + l.value());
        }
        if (l.colour() == null || !l.colour().matches("#[0-9a-fA-F]{6}")) {
            throw new Problems.BadRequest("label '" + l.name() + "': the colour must be #rrggbb, not " + l.colour());
        }
        if (l.kind() == null) {
            throw new Problems.BadRequest("label '" + l.name() + "': say whether it is an organ or a lesion");
        }
    }

    public ProjectView get(long id) {
        return view(find(id));
    }

    public List<ProjectView> list() {
        return projects.findAll().stream().map(ProjectService::view).toList();
    }

    /** For other features: the project entity (inside their transaction). */
    public Project find(long id) {
        return projects.findById(id).orElseThrow(() -> new Problems.NotFound("no project " + id));
    }

    static ProjectView view(Project p) {
        return new ProjectView(p.getId(), p.getName(), p.getDescription(), p.getLabels().stream()
            .map(l -> new LabelSpec(l.getValue(), l.getName(), l.getColour(), l.getKind(), l.getDefaultEngine())).toList());
    }
}
