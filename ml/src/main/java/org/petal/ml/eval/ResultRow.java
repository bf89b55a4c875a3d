package org.petal.ml.eval;

/**
 * One object after one click budget.
 *
 * @param objectId  1-based; lesions number their connected components, organs are object 1
 * @param clicks    clicks given (the budget)
 * @param dice      Dice similarity coefficient
 * @param nsd       normalised surface Dice at the evaluation tolerance
 * @param hd95Mm    95th-percentile Hausdorff distance in mm (NaN when either mask is empty)
 * @param gtVoxels  voxels of the ground-truth object
 * @param predVoxels voxels of the prediction
 * @param msPerClick mean engine-side time per click so far, in ms
 */
public record ResultRow(String engine, String caseId, String label, String kind, int objectId, int clicks,
                        double dice, double nsd, double hd95Mm, long gtVoxels, long predVoxels, double msPerClick) {

    static final String HEADER = "engine,case_id,label,kind,object_id,clicks,dice,nsd,hd95_mm,gt_voxels,pred_voxels,ms_per_click";

    String toCsv() {
        return String.join(",", engine, caseId, label, kind, Integer.toString(objectId), Integer.toString(clicks),
            fmt(dice), fmt(nsd), fmt(hd95Mm), Long.toString(gtVoxels), Long.toString(predVoxels), String.format(java.util.Locale.ROOT, "%.1f", msPerClick));
    }

    private static String fmt(double v) {
        return Double.isNaN(v) ? "NaN" : String.format(java.util.Locale.ROOT, "%.4f", v);
    }
}
