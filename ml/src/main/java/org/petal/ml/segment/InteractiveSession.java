package org.petal.ml.segment;

import java.util.List;
import java.util.Set;

/**
 * One object being segmented on one volume by clicks (nnInteractive's session shape). Every engine, local
 * or remote, sits behind this interface. Invalid clicks (outside the volume, exclude before include,
 * include on background) are refused with a message; they never throw and never change the state.
 */
public interface InteractiveSession {

    Set<Interaction> supportedInteractions();

    /** Adds a click and recomputes the mask; the result names the changed box. */
    InteractionResult addPoint(Voxel voxel, boolean include);

    /** Steps back one interaction (click or reset); refused when there is nothing to undo. */
    InteractionResult undo();

    /** Re-applies the last undone interaction; refused when there is nothing to redo. */
    InteractionResult redo();

    /** Clears all clicks and the mask (undoable). */
    InteractionResult reset();

    ObjectMask mask();

    List<PointPrompt> prompts();
}
