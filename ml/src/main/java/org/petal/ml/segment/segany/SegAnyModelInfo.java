package org.petal.ml.segment.segany;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * What {@code model-info.json} (written by {@code ml/python/petal_segany/export.py}) promises about the two
 * TorchScript files beside it. Read and checked before DJL sees the files, so a wrong, partial or tampered
 * model directory is refused with a sentence that names the problem.
 *
 * @param architecture  config name, e.g. {@code vit_b_ori} or {@code small}
 * @param patch         crop edge in voxels (128)
 * @param spacingMm     crop spacing (1.5 mm)
 * @param gridSize      token grid edge (8)
 * @param lowResSize    low-res logits edge (32)
 * @param embeddingDim  channels of the image embedding (384 for vit_b_ori)
 * @param encoderSha256 expected SHA-256 of {@code encoder.pt}
 * @param decoderSha256 expected SHA-256 of {@code decoder.pt}
 * @param source        where the weights came from (checkpoint file and hash, or a training run)
 */
public record SegAnyModelInfo(String architecture, int patch, double spacingMm, int gridSize, int lowResSize,
                              int embeddingDim, String encoderSha256, String decoderSha256, String source) {

    static final String FILE = "model-info.json";
    static final String ENCODER = "encoder.pt";
    static final String DECODER = "decoder.pt";
    private static final String FORMAT = "petal-segany-model-info";
    private static final int VERSION = 1;

    /** Reads and checks a model directory: info present and well-formed, both files present with their hashes. */
    public static SegAnyModelInfo read(Path dir) {
        Path infoFile = dir.resolve(FILE);
        if (!Files.isRegularFile(infoFile)) {
            throw new SegAnyModelException(dir, "no " + FILE + " (is this a directory written by petal_segany.convert or train.py?)");
        }
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(infoFile.toFile());
        } catch (IOException e) {
            throw new SegAnyModelException(dir, FILE + " is not valid JSON: " + e.getMessage());
        }
        if (!FORMAT.equals(root.path("format").asText()) || root.path("format_version").asInt() != VERSION) {
            throw new SegAnyModelException(dir, FILE + " is not a version-" + VERSION + " " + FORMAT + " file");
        }
        JsonNode config = root.path("config");
        SegAnyModelInfo info = new SegAnyModelInfo(
            root.path("architecture").asText(""),
            root.path("patch").asInt(-1),
            root.path("spacing_mm").asDouble(Double.NaN),
            config.path("grid_size").asInt(-1),
            config.path("low_res_size").asInt(-1),
            config.path("prompt_embed_dim").asInt(-1),
            root.path("files").path(ENCODER).path("sha256").asText(""),
            root.path("files").path(DECODER).path("sha256").asText(""),
            root.path("source").toString());
        info.check(dir);
        return info;
    }

    private void check(Path dir) {
        if (patch <= 0 || gridSize <= 0 || patch % gridSize != 0 || lowResSize != 4 * gridSize || embeddingDim <= 0
            || !(spacingMm > 0)) {
            throw new SegAnyModelException(dir, FILE + " has inconsistent sizes: patch " + patch + ", grid " + gridSize
                + ", low-res " + lowResSize + ", embedding " + embeddingDim + ", spacing " + spacingMm + " mm");
        }
        verifyHash(dir, ENCODER, encoderSha256);
        verifyHash(dir, DECODER, decoderSha256);
    }

    private static void verifyHash(Path dir, String name, String expected) {
        Path file = dir.resolve(name);
        if (!Files.isRegularFile(file)) {
            throw new SegAnyModelException(dir, name + " is missing");
        }
        if (expected.isEmpty()) {
            throw new SegAnyModelException(dir, FILE + " gives no SHA-256 for " + name);
        }
        String actual = sha256(file);
        if (!actual.equalsIgnoreCase(expected)) {
            throw new SegAnyModelException(dir, name + " does not match " + FILE + " (SHA-256 " + actual.substring(0, 12)
                + "…, expected " + expected.substring(0, Math.min(12, expected.length())) + "…): corrupt or replaced");
        }
    }

    static String sha256(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[1 << 16];
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (IOException e) {
            throw new SegAnyModelException(file.getParent(), "cannot read " + file.getFileName() + ": " + e.getMessage());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
