package org.petal.system;

import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Petal's own settings ({@code petal.*}, or the environment: {@code PETAL_DATA_DIR}, ...).
 *
 * @param dataDir        everything Petal writes: the H2 database ({@code db/}), voxel stores ({@code cases/}),
 *                       import uploads ({@code uploads/})
 * @param idleThreshold  a gap between two actions longer than this is idle, not active annotation time
 * @param maxUpload      largest accepted upload (one NIfTI or one DICOM zip)
 * @param maxCaseVoxels  largest volume accepted on import (voxels)
 * @param adminPassword  password of the first admin, created on first start; when empty a random one is
 *                       generated and printed once
 * @param demo           create demo users, one per role (demo profile only)
 */
@Validated
@ConfigurationProperties("petal")
public record PetalProperties(
    @NotNull Path dataDir,
    @DefaultValue("60s") Duration idleThreshold,
    @DefaultValue("2GB") DataSize maxUpload,
    @DefaultValue("200000000") long maxCaseVoxels,
    @DefaultValue("") String adminPassword,
    @DefaultValue("false") boolean demo) {

    public PetalProperties {
        if (idleThreshold.isNegative() || idleThreshold.isZero()) {
            throw new IllegalArgumentException("petal.idle-threshold must be positive, was " + idleThreshold);
        }
    }

    public Path casesDir() {
        return dataDir.resolve("cases");
    }

    public Path uploadsDir() {
        return dataDir.resolve("uploads");
    }
}
