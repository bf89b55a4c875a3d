package org.petal.ml.phantom;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.petal.ml.volume.LabelVolume;
import org.petal.ml.volume.PetUnit;
import org.petal.ml.volume.PetVolume;
import org.petal.ml.volume.SuvParameters;
import org.petal.ml.volume.VolumeGeometry;

/**
 * Generates deterministic whole-body FDG PET phantoms: {@code generate(spec)} twice gives bit-identical
 * voxels, labels and lesion lists. See {@code package-info} for the frame and pipeline.
 */
public final class PhantomGenerator {

    /** Transverse field of view in mm (left-right × front-back) and its length (feet-head). */
    public static final double FOV_X_MM = 500;
    public static final double FOV_Y_MM = 350;
    public static final double FOV_Z_MM = 1000;

    private PhantomGenerator() {}

    public static PhantomCase generate(PhantomSpec spec) {
        VolumeGeometry geometry = geometry(spec.voxelMm());
        Anatomy anatomy = AnatomyModel.sample(Seeds.stream(spec.seed(), spec.caseIndex(), Seeds.ANATOMY), spec.arms());
        Uptake uptake = UptakeModel.sample(Seeds.stream(spec.seed(), spec.caseIndex(), Seeds.UPTAKE));

        Painter painter = new Painter(geometry);
        paintAnatomy(painter, anatomy, uptake);
        List<PhantomLesion> lesions =
            new LesionPlacer(painter, anatomy, Seeds.stream(spec.seed(), spec.caseIndex(), Seeds.LESIONS)).place();

        float[] truth = painter.activity;
        float[] pet = GaussianPsf.blur(truth, geometry.nx(), geometry.ny(), geometry.nz(), spec.voxelMm(), uptake.psfFwhmMm());
        double k = spec.noise() ? uptake.noiseCoefficient() : 0;
        if (spec.noise()) {
            ActivityNoise.apply(pet, geometry.nx(), geometry.ny(), geometry.nz(), k, spec.seed(), spec.caseIndex());
        }

        SuvParameters suv = SuvParameters.declaredSuv(String.format(java.util.Locale.ROOT,
            "phantom seed=%d case=%d (synthetic SUVbw, PSF FWHM %.1f mm)", spec.seed(), spec.caseIndex(), uptake.psfFwhmMm()));
        PhantomTruth phantomTruth = new PhantomTruth(truth, painter.body, organSuv(uptake), uptake.softTissue(), uptake.blood(),
            uptake.psfFwhmMm(), k, uptake.liverNoiseCov());
        return new PhantomCase(spec.caseId(), new PetVolume(geometry, pet, PetUnit.SUV_BW, suv),
            new LabelVolume(geometry, painter.labels), PhantomLabel.LABEL_SET, lesions, phantomTruth);
    }

    /** The grid for a voxel size: 500 × 350 × 1000 mm, centred on x = y = 0, first slice at z = 0. */
    public static VolumeGeometry geometry(double voxelMm) {
        int nx = (int) Math.round(FOV_X_MM / voxelMm);
        int ny = (int) Math.round(FOV_Y_MM / voxelMm);
        int nz = (int) Math.round(FOV_Z_MM / voxelMm);
        double[] origin = {-(nx - 1) * voxelMm / 2, -(ny - 1) * voxelMm / 2, 0};
        return VolumeGeometry.axisAligned(nx, ny, nz, voxelMm, voxelMm, voxelMm, origin);
    }

    /** Paints in increasing priority: what is painted later wins where shapes overlap. */
    private static void paintAnatomy(Painter p, Anatomy a, Uptake u) {
        p.paintBody(a.body(), u.softTissue());
        for (Solid gland : a.glands()) {
            p.paint(gland, 0, Painter.Profile.constant(u.glands()), Painter.Mask.ALL);
        }
        // Lungs: above the diaphragm and inside the rib cage (14 mm inside the skin).
        Painter.Mask thorax = (x, y, z) -> z > a.diaphragmZ(x, y) + 3 && a.body().insideTorso(x, y, z, 14);
        p.paint(a.lungRight(), PhantomLabel.LUNG_RIGHT.value(), Painter.Profile.constant(u.lungs()), thorax);
        p.paint(a.lungLeft(), PhantomLabel.LUNG_LEFT.value(), Painter.Profile.constant(u.lungs()), thorax);

        Painter.Mask abdomen = (x, y, z) -> z <= a.diaphragmZ(x, y) && a.body().insideTorso(x, y, z, 8);
        p.paint(a.liver(), PhantomLabel.LIVER.value(), Painter.Profile.constant(u.liver()), abdomen);
        p.paint(a.spleen(), PhantomLabel.SPLEEN.value(), Painter.Profile.constant(u.spleen()), abdomen);
        p.paint(a.kidneyRight(), PhantomLabel.KIDNEY_RIGHT.value(), Painter.Profile.constant(u.kidneyRight()), Painter.Mask.ALL);
        p.paint(a.kidneyLeft(), PhantomLabel.KIDNEY_LEFT.value(), Painter.Profile.constant(u.kidneyLeft()), Painter.Mask.ALL);
        p.paint(a.bladder(), PhantomLabel.BLADDER.value(), Painter.Profile.constant(u.bladder()), Painter.Mask.ALL);

        for (Capsule vessel : a.aorta()) {
            p.paint(vessel, 0, Painter.Profile.constant(u.blood()), Painter.Mask.ALL);
        }
        p.paint(a.heartBlood(), 0, Painter.Profile.constant(u.blood()), Painter.Mask.ALL);
        p.paint(a.heartWall(), PhantomLabel.HEART.value(), Painter.Profile.constant(u.heart()), Painter.Mask.ALL);
        p.paint(a.spine(), PhantomLabel.SPINE.value(), Painter.Profile.constant(u.spine()), Painter.Mask.ALL);
        // Grey matter is hotter than white matter: a warmer rim and a cooler core around the nominal mean.
        p.paint(a.brain(), PhantomLabel.BRAIN.value(),
            (rho, x, y, z) -> u.brain() * (rho > 0.8 ? 1.08 : rho < 0.5 ? 0.92 : 1.0), Painter.Mask.ALL);
    }

    private static Map<String, Double> organSuv(Uptake u) {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put(PhantomLabel.BRAIN.labelName(), u.brain());
        m.put(PhantomLabel.HEART.labelName(), u.heart());
        m.put(PhantomLabel.LIVER.labelName(), u.liver());
        m.put(PhantomLabel.SPLEEN.labelName(), u.spleen());
        m.put(PhantomLabel.KIDNEY_LEFT.labelName(), u.kidneyLeft());
        m.put(PhantomLabel.KIDNEY_RIGHT.labelName(), u.kidneyRight());
        m.put(PhantomLabel.BLADDER.labelName(), u.bladder());
        m.put(PhantomLabel.LUNG_LEFT.labelName(), u.lungs());
        m.put(PhantomLabel.LUNG_RIGHT.labelName(), u.lungs());
        m.put(PhantomLabel.SPINE.labelName(), u.spine());
        return Collections.unmodifiableMap(m);
    }
}
