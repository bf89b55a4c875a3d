/**
 * Interactive segmentation over a WebSocket ({@code /ws/annotate}): the wire protocol (see
 * {@code docs/protocol.md}), the sitting that turns messages into service calls, brush strokes laid over
 * the engine's mask with one undo history for clicks and strokes ({@code EditedObject}), and the
 * inference worker boundary behind which engines run (in-process today, remote GPU workers later).
 *
 * <p>Coordinates are voxel indices {@code (i, j, k)} of the case grid, {@code i} fastest; boxes are
 * half-open {@code [i0, i1) × [j0, j1) × [k0, k1)}; times are milliseconds.
 */
package org.petal.segmentation;
