package org.petal.cases.imports;

import jakarta.servlet.MultipartConfigElement;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.petal.system.PetalProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;

/**
 * Multipart limits from {@code petal.max-upload}, so there is one setting for the largest upload (replacing
 * Spring Boot's {@code spring.servlet.multipart.*}, which back off when this bean exists). The container's
 * temporary part files go under the data directory: a whole-body DICOM zip may not fit a small /tmp.
 */
@Configuration
class UploadLimits {

    /** Room for the small form fields (caseKey, unit) and multipart boundaries beside the file. */
    private static final long FORM_OVERHEAD = DataSize.ofMegabytes(1).toBytes();

    @Bean
    MultipartConfigElement multipartConfigElement(PetalProperties properties) throws IOException {
        Path incoming = Files.createDirectories(properties.uploadsDir().resolve("multipart"));
        long max = properties.maxUpload().toBytes();
        return new MultipartConfigElement(incoming.toString(), max, max + FORM_OVERHEAD,
            (int) DataSize.ofMegabytes(1).toBytes());
    }
}
