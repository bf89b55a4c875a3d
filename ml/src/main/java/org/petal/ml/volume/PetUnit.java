package org.petal.ml.volume;

/** What a PET voxel value means. Only {@link #SUV_BW} values may be read as SUV. */
public enum PetUnit {
    /** Body-weight standardised uptake value (g/ml). */
    SUV_BW("SUVbw", true),
    /** Activity concentration; not SUV. Shown to users as "Bq/ml (not SUV)". */
    BQ_PER_ML("Bq/ml (not SUV)", false),
    /** Values of unknown meaning (e.g. a NIfTI without provenance); never presented as SUV. */
    UNKNOWN("unknown (not SUV)", false);

    private final String label;
    private final boolean suv;

    PetUnit(String label, boolean suv) {
        this.label = label;
        this.suv = suv;
    }

    public String label() { return label; }

    public boolean isSuv() { return suv; }
}
