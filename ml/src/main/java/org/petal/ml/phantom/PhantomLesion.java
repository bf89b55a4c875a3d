package org.petal.ml.phantom;

/**
 * One lesion as placed in the ground truth.
 *
 * @param index          1-based order of placement
 * @param shape          geometric model
 * @param site           where it was meant to go
 * @param centreVoxel    voxel holding the centre (the centre is snapped to a voxel centre, so even a 6 mm
 *                       lesion on a 4 mm grid owns at least that voxel)
 * @param centreLps      the centre in LPS mm
 * @param diameterMm     nominal largest diameter in mm
 * @param suvMax         nominal (ground-truth) maximum SUV, before blur and noise
 * @param necrotic       whether it has a cold core
 * @param neighbourOrgan label name of the organ the lesion sits in or touches most, or "soft_tissue"
 * @param voxelCount     voxels labelled {@link PhantomLabel#LESION} for this lesion
 */
public record PhantomLesion(
    int index,
    LesionShape shape,
    LesionSite site,
    Voxel centreVoxel,
    Point centreLps,
    double diameterMm,
    double suvMax,
    boolean necrotic,
    String neighbourOrgan,
    int voxelCount) {

    /** Voxel indices (i, j, k). */
    public record Voxel(int i, int j, int k) {}

    /** A point in LPS millimetres. */
    public record Point(double x, double y, double z) {}

    /** How a lesion is modelled. */
    public enum LesionShape {
        SPHERE,
        /** Random axes 0.55–1 × the largest, random orientation. */
        ELLIPSOID,
        /** Union of a core sphere and 2–4 satellite spheres: lobulated nodal conglomerates. */
        BLOB,
        /** Sphere whose radius is modulated by low-frequency waves over direction: irregular margins. */
        IRREGULAR
    }

    /** Intended location of a lesion. */
    public enum LesionSite {
        LIVER, LUNG, MEDIASTINAL_NODE, NECK_NODE, AXILLARY_NODE, ABDOMINAL_NODE, PELVIC_NODE, BONE, SPLEEN, SOFT_TISSUE
    }
}
