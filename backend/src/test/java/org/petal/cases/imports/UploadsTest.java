package org.petal.cases.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.servlet.MultipartConfigElement;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.petal.system.PetalProperties;
import org.springframework.util.unit.DataSize;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

class UploadsTest {

    @TempDir Path dir;

    @Test
    void anUploadIsStoredWithItsSha256AndClaimedIntoItsJobFolder() throws IOException {
        Uploads uploads = new Uploads(dir, 100);

        Uploads.Received r = uploads.receive(new ByteArrayInputStream("abc".getBytes(StandardCharsets.US_ASCII)));
        Path claimed = uploads.claim(r, 7, "pet.nii");

        assertThat(r.sha256()).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        assertThat(r.bytes()).isEqualTo(3);
        assertThat(claimed).isEqualTo(dir.resolve("job-7/pet.nii")).hasContent("abc");
        uploads.deleteJobFiles(7);
        assertThat(dir).isEmptyDirectory();
    }

    @Test
    void theMultipartLimitsFollowPetalsUploadLimit() throws IOException {
        PetalProperties p = new PetalProperties(dir, Duration.ofSeconds(60), DataSize.ofMegabytes(5), 1000, "", false);

        MultipartConfigElement m = new UploadLimits().multipartConfigElement(p);

        assertThat(m.getMaxFileSize()).isEqualTo(DataSize.ofMegabytes(5).toBytes());
        assertThat(m.getMaxRequestSize()).isGreaterThan(m.getMaxFileSize());
        assertThat(Path.of(m.getLocation())).isDirectory().startsWith(dir);
    }

    @Test
    void anUploadOverTheLimitIsRefusedAs413AndLeavesNothing() {
        Uploads uploads = new Uploads(dir, 10);

        assertThatThrownBy(() -> uploads.receive(new ByteArrayInputStream(new byte[11])))
            .isInstanceOf(MaxUploadSizeExceededException.class);
        assertThat(dir).isEmptyDirectory();
    }
}
