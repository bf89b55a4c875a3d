/**
 * Engine {@code segany}: SegAnyPET / SAM-Med3D networks exported to TorchScript by {@code ml/python}
 * ({@code petal_segany.convert} for official checkpoints, {@code petal_segany.train} for Petal's own) and
 * run through DJL's PyTorch engine, offline, on the CPU natives from Maven Central (or a GPU where DJL's
 * CUDA natives are present: {@code petal.segany.device=gpu}).
 *
 * <h2>Pipeline per window (spec §2.3, §4)</h2>
 * <ol>
 *   <li>The patch framework asks for a window of the volume grid whose extent is the network's crop,
 *       128 voxels of 1.5 mm per axis ({@link org.petal.ml.segment.segany.SegAnyModel#windowSize}).</li>
 *   <li>{@code CropGrid} places the 128³ crop on torchio's 1.5 mm grid with the window centre at crop
 *       index 64 and samples the PET trilinearly, zero outside the volume; only the crop is resampled,
 *       never the whole volume. Tensor dims are the volume's (i, j, k) index axes, as in training.</li>
 *   <li>{@code ZScore}: mean and unbiased std over crop voxels &gt; 0, applied to all voxels; a crop with
 *       no spread yields no mask.</li>
 *   <li>The encoder runs once per crop; embeddings are cached (LRU, per volume and crop position), so
 *       other objects and later clicks in the same crop skip it.</li>
 *   <li>The clicks inside the crop go to the decoder in order, each step fed the previous step's low-res
 *       logits (zeros first). {@code SegAnyState} keeps the steps per object and crop, so a new click is
 *       one decoder pass and undo/redo are lookups; the result depends on the click sequence only.</li>
 *   <li>The 32³ logits are upsampled trilinearly (align_corners=False) to the crop and mapped back to the
 *       window by nearest neighbour, as sigmoid probabilities; the framework averages overlapping windows
 *       and thresholds at 0.5 (logit 0).</li>
 * </ol>
 *
 * <h2>Choices where the reference is silent or unavailable</h2>
 * <ul>
 *   <li>The crop is centred on the window (the click for the first window), not on a ground-truth box.</li>
 *   <li>A neighbour window holding no click of its own gets one include click: the stitched foreground
 *       voxel nearest to the object's first click (on the shared face). Its mask prompt starts at zeros.</li>
 *   <li>Click coordinates are rounded to crop voxels, as the reference's integer clicks.</li>
 * </ul>
 *
 * <h2>Model directory</h2>
 * {@code encoder.pt}, {@code decoder.pt} and {@code model-info.json}; {@code SegAnyModelInfo} checks the
 * format, the sizes and both SHA-256 hashes before DJL loads anything, and {@code SegAnyNetwork} runs one
 * pass on zeros to check the output shapes against the info. Any failure is a
 * {@code SegAnyModelException} naming the directory and the problem; {@code suv-grow} is unaffected.
 * Settings: {@link org.petal.ml.segment.segany.SegAnySettings} ({@code petal.segany.model},
 * {@code petal.segany.device}, {@code petal.segany.predictors}, or the matching environment variables).
 */
package org.petal.ml.segment.segany;
