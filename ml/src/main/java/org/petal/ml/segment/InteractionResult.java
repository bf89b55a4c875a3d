package org.petal.ml.segment;

/**
 * What one interaction did. A client copies only {@code changed} from {@link InteractiveSession#mask()}.
 *
 * @param outcome     applied, nothing changed, or refused (with the reason in {@code message})
 * @param changed     the box whose voxels changed (empty when none did)
 * @param message     for the user: why a click was refused or produced nothing; empty otherwise
 * @param prompts     clicks of the object after the interaction
 * @param maskVoxels  voxels in the object's mask after the interaction
 * @param windows     windows the engine ran (0 for undo/redo/reset)
 * @param modelMs     time inside the engine
 * @param totalMs     time of the whole interaction, planning, stitching and bookkeeping included
 */
public record InteractionResult(Outcome outcome, Box changed, String message, int prompts, long maskVoxels,
                                int windows, double modelMs, double totalMs) {

    public enum Outcome { APPLIED, NO_CHANGE, REFUSED }

    static InteractionResult refused(String message, int prompts, long maskVoxels) {
        return new InteractionResult(Outcome.REFUSED, Box.EMPTY, message, prompts, maskVoxels, 0, 0, 0);
    }
}
