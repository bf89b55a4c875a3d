package org.petal.cases.imports;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Import settings ({@code petal.imports.*}). The upload size limit itself is {@code petal.max-upload} and
 * the largest volume {@code petal.max-case-voxels}.
 *
 * @param workers       imports running at once; each decompresses on one core and writes on another, so
 *                      one worker already keeps a small server busy
 * @param queueCapacity imports waiting for a worker; beyond that an upload is answered 503
 * @param maxZipEntries most entries a DICOM zip may hold (a whole-body series has a few hundred slices)
 * @param maxZipBytes   most bytes a DICOM zip may expand to, counted while extracting (zip bombs)
 */
@Validated
@ConfigurationProperties("petal.imports")
public record ImportProperties(
    @DefaultValue("1") @Min(1) @Max(16) int workers,
    @DefaultValue("16") @Min(1) int queueCapacity,
    @DefaultValue("20000") @Min(1) int maxZipEntries,
    @DefaultValue("4GB") DataSize maxZipBytes) {

    SafeZip.Limits zipLimits() {
        return new SafeZip.Limits(maxZipEntries, maxZipBytes.toBytes());
    }
}
