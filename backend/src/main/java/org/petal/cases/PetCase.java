package org.petal.cases;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import org.petal.ml.volume.PetUnit;

/**
 * One imported PET study in a project. Its voxels live in a voxel store under the data directory
 * ({@code storePath} is relative to it); the row keeps geometry, SUV provenance and the checksum of the
 * imported file.
 */
@Entity
@Table(name = "cases")
public class PetCase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "project_id", nullable = false)
    private long projectId;

    @Column(name = "case_key", nullable = false, length = 128)
    private String caseKey;

    @Column(name = "store_path", nullable = false, length = 512)
    private String storePath;

    @Column(name = "ct_path", length = 512)
    private String ctPath;

    @Column(nullable = false) private int nx;
    @Column(nullable = false) private int ny;
    @Column(nullable = false) private int nz;
    @Column(name = "spacing_x", nullable = false) private double spacingX;
    @Column(name = "spacing_y", nullable = false) private double spacingY;
    @Column(name = "spacing_z", nullable = false) private double spacingZ;

    @Enumerated(EnumType.STRING)
    @Column(name = "pet_unit", nullable = false, length = 16)
    private PetUnit petUnit;

    @Column(name = "suv_source", length = 200)
    private String suvSource;

    @Column(name = "suv_scale", nullable = false)
    private double suvScale = 1.0;

    @Column(name = "patient_weight_kg")
    private Double patientWeightKg;

    @Column(name = "injected_dose_bq")
    private Double injectedDoseBq;

    @Column(name = "corrected_weight_kg")
    private Double correctedWeightKg;

    @Column(name = "corrected_dose_bq")
    private Double correctedDoseBq;

    @Column(name = "suv_corrected_by")
    private Long suvCorrectedBy;

    @Column(name = "suv_corrected_at")
    private Instant suvCorrectedAt;

    @Column(name = "suv_correction_note", length = 1000)
    private String suvCorrectionNote;

    @Column(name = "checksum_sha256", nullable = false, length = 64)
    private String checksumSha256;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Version
    private long version;

    protected PetCase() {}

    PetCase(long projectId, String caseKey, String storePath, int[] dims, double[] spacing, PetUnit unit,
            String suvSource, Double weightKg, Double doseBq, String checksum, Instant createdAt) {
        this.projectId = projectId;
        this.caseKey = caseKey;
        this.storePath = storePath;
        this.nx = dims[0];
        this.ny = dims[1];
        this.nz = dims[2];
        this.spacingX = spacing[0];
        this.spacingY = spacing[1];
        this.spacingZ = spacing[2];
        this.petUnit = unit;
        this.suvSource = suvSource;
        this.patientWeightKg = weightKg;
        this.injectedDoseBq = doseBq;
        this.checksumSha256 = checksum;
        this.createdAt = createdAt;
    }

    /**
     * SUVbw is proportional to weight / dose: a corrected weight or dose rescales every stored value by
     * (new weight / old weight) · (old dose / new dose). Only possible when the import recorded both.
     */
    void correctSuv(Double newWeightKg, Double newDoseBq, String note, long by, Instant at) {
        if (!petUnit.isSuv()) {
            throw new IllegalStateException("case " + caseKey + " is not in SUV (" + petUnit.label() + ")");
        }
        if (patientWeightKg == null || injectedDoseBq == null) {
            throw new IllegalStateException("case " + caseKey + " was imported without weight and dose ("
                + suvSource + "), so there is nothing to correct against");
        }
        double weight = newWeightKg == null ? patientWeightKg : newWeightKg;
        double dose = newDoseBq == null ? injectedDoseBq : newDoseBq;
        if (!(weight > 0 && weight < 500) || !(dose > 0)) {
            throw new IllegalArgumentException("weight must be in (0, 500) kg and dose positive");
        }
        // Relative to the values the store holds, which were computed with the imported weight and dose.
        this.suvScale = (weight / patientWeightKg) * (injectedDoseBq / dose);
        this.correctedWeightKg = weight;
        this.correctedDoseBq = dose;
        this.suvCorrectedBy = by;
        this.suvCorrectedAt = at;
        this.suvCorrectionNote = note;
    }

    public Long getId() { return id; }
    public long getProjectId() { return projectId; }
    public String getCaseKey() { return caseKey; }
    public String getStorePath() { return storePath; }
    public int[] dims() { return new int[] {nx, ny, nz}; }
    public double[] spacing() { return new double[] {spacingX, spacingY, spacingZ}; }
    public PetUnit getPetUnit() { return petUnit; }
    public String getSuvSource() { return suvSource; }
    public double getSuvScale() { return suvScale; }
    public Double getPatientWeightKg() { return patientWeightKg; }
    public Double getInjectedDoseBq() { return injectedDoseBq; }
    public Double getCorrectedWeightKg() { return correctedWeightKg; }
    public Double getCorrectedDoseBq() { return correctedDoseBq; }
    public Long getSuvCorrectedBy() { return suvCorrectedBy; }
    public Instant getSuvCorrectedAt() { return suvCorrectedAt; }
    public String getSuvCorrectionNote() { return suvCorrectionNote; }
    public String getChecksumSha256() { return checksumSha256; }
    public long getVersion() { return version; }
}
