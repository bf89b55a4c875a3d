package org.petal.cases;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.petal.audit.AuditLog;
import org.petal.ml.store.StoreMetadata;
import org.petal.ml.store.VoxelStore;
import org.petal.ml.volume.PetVolume;
import org.petal.ml.volume.SuvParameters;
import org.petal.system.PetalProperties;
import org.petal.system.Problems;
import org.petal.users.Actor;
import org.petal.users.Role;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Cases: registration of imported voxel stores, reading, SUV corrections by leads, and the voxels for
 * engines and viewers. Who may see which case is decided by {@link CaseAccess}.
 */
@Service
@Transactional(readOnly = true)
public class CaseService {

    private final CaseRepository cases;
    private final CaseAccess access;
    private final VoxelStores stores;
    private final AuditLog audit;
    private final PetalProperties properties;
    private final Clock clock;

    CaseService(CaseRepository cases, CaseAccess access, VoxelStores stores, AuditLog audit, PetalProperties properties,
                Clock clock) {
        this.cases = cases;
        this.access = access;
        this.stores = stores;
        this.audit = audit;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Registers an imported voxel store (a directory under the cases directory) as a case of the project.
     * Called by the import job, which has checked the lead's rights when the job was created.
     */
    @Transactional
    public CaseView register(Actor lead, long projectId, String caseKey, Path storeDirectory, String checksum) {
        lead.require(Role.LEAD);
        if (cases.existsByProjectIdAndCaseKey(projectId, caseKey)) {
            throw new Problems.Conflict("the project has a case '" + caseKey + "' already");
        }
        Path relative = properties.casesDir().toAbsolutePath().normalize()
            .relativize(storeDirectory.toAbsolutePath().normalize());
        if (relative.startsWith("..")) {
            throw new IllegalArgumentException("voxel stores live under " + properties.casesDir());
        }
        StoreMetadata m = stores.open(storeDirectory).metadata();
        SuvParameters suv = m.suvParameters();
        PetCase c = cases.save(new PetCase(projectId, caseKey, relative.toString(), new int[] {m.nx(), m.ny(), m.nz()},
            m.spacing(), m.unit(), suv == null ? null : suv.source(), suv == null ? null : suv.patientWeightKg(),
            suv == null ? null : suv.injectedDoseBq(), checksum, clock.instant()));
        audit.record(lead, "CASE_IMPORTED", "case", c.getId(), caseKey + " (" + m.unit().label() + ")");
        return CaseView.of(c);
    }

    public CaseView get(Actor actor, long caseId) {
        PetCase c = find(caseId);
        access.requireRead(actor, c);
        return CaseView.of(c);
    }

    public List<CaseView> list(Actor actor, long projectId) {
        return cases.findByProjectIdOrderByCaseKey(projectId).stream().filter(c -> access.canRead(actor, c))
            .map(CaseView::of).toList();
    }

    /** Which of {@code caseIds} are cases of the project (ids of other projects and unknown ids are left out). */
    public Set<Long> inProject(Actor actor, long projectId, Collection<Long> caseIds) {
        actor.require(Role.LEAD);
        return caseIds.isEmpty() ? Set.of() : new HashSet<>(cases.idsInProject(projectId, caseIds));
    }

    /** Cases in the project, counted by the database. */
    public long count(Actor actor, long projectId) {
        actor.require(Role.LEAD, Role.REVIEWER, Role.COORDINATOR, Role.ADMIN);
        return cases.countByProjectId(projectId);
    }

    /** Case keys by case id, for lists that show a few cases by name (one query). */
    public Map<Long, String> keys(Actor actor, Collection<Long> caseIds) {
        actor.require(Role.LEAD, Role.REVIEWER, Role.COORDINATOR, Role.ADMIN);
        Map<Long, String> keys = new HashMap<>();
        if (!caseIds.isEmpty()) {
            cases.keysOf(caseIds).forEach(row -> keys.put((Long) row[0], (String) row[1]));
        }
        return keys;
    }

    /**
     * A lead corrects the patient weight and/or injected dose; every SUV read afterwards is rescaled.
     * {@code expectedVersion} guards against two leads correcting at once.
     */
    @Transactional
    public CaseView correctSuv(Actor actor, long caseId, Double weightKg, Double doseBq, String note, long expectedVersion) {
        actor.require(Role.LEAD);
        PetCase c = find(caseId);
        if (c.getVersion() != expectedVersion) {
            throw new Problems.Conflict("the case changed since version " + expectedVersion + "; reload and try again");
        }
        if (note == null || note.isBlank()) {
            throw new Problems.BadRequest("say why the SUV parameters are corrected");
        }
        try {
            c.correctSuv(weightKg, doseBq, note, actor.id(), clock.instant());
        } catch (IllegalStateException e) {
            throw new Problems.Conflict(e.getMessage());
        }
        audit.record(actor, "SUV_CORRECTED", "case", caseId, "weight " + weightKg + " kg, dose " + doseBq + " Bq: " + note);
        cases.flush();
        return CaseView.of(c);
    }

    /** The case's voxels in SUV (corrections applied), for engines. Checks read access. */
    public PetVolume volume(Actor actor, long caseId) {
        PetCase c = find(caseId);
        access.requireRead(actor, c);
        return stores.volume(storeDirectory(c), c.getSuvScale());
    }

    /** The case's voxel store, for slice and MIP streaming. Checks read access. */
    public VoxelStore store(Actor actor, long caseId) {
        PetCase c = find(caseId);
        access.requireRead(actor, c);
        return stores.open(storeDirectory(c));
    }

    /** A readable case with its open voxel store: what a slice needs (values, and the SUV scale and version). */
    public record OpenCase(CaseView view, VoxelStore store) {}

    /** Like {@link #store} plus the case itself, with one lookup and one access check per slice request. */
    public OpenCase open(Actor actor, long caseId) {
        PetCase c = find(caseId);
        access.requireRead(actor, c);
        return new OpenCase(CaseView.of(c), stores.open(storeDirectory(c)));
    }

    Path storeDirectory(PetCase c) {
        return properties.casesDir().resolve(c.getStorePath());
    }

    PetCase find(long caseId) {
        return cases.findById(caseId).orElseThrow(() -> new Problems.NotFound("no case " + caseId));
    }

    static UncheckedIOException unreadable(Path p, IOException e) {
        return new UncheckedIOException("cannot read the voxel store " + p + ": " + e.getMessage(), e);
    }
}
