package org.petal.cases.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SafeZipTest {

    private static final SafeZip.Limits GENEROUS = new SafeZip.Limits(100, 1 << 20);

    @TempDir Path dir;

    @Test
    void aSeriesInNestedFoldersIsExtractedAsItIs() throws IOException {
        Path zip = ImportApiTest.zip(dir.resolve("ok.zip"), "study/", "study/series/1.dcm", "study/series/2.dcm");

        SafeZip.inspect(zip, GENEROUS);
        SafeZip.extract(zip, dir.resolve("out"), GENEROUS);

        assertThat(dir.resolve("out/study/series/2.dcm")).hasContent("study/series/2.dcm");
    }

    @Test
    void entriesLeavingTheTargetFolderAreRefusedAndNothingIsWritten() throws IOException {
        for (String evil : new String[] {"../evil", "a/../../evil", "..\\evil", "/etc/evil", "C:/evil"}) {
            Path zip = ImportApiTest.zip(Files.createTempFile(dir, "bad", ".zip"), "fine.dcm", evil);

            assertThatThrownBy(() -> SafeZip.inspect(zip, GENEROUS)).as(evil).isInstanceOf(ArchiveRefusedException.class)
                .hasMessageContaining(evil);
            assertThatThrownBy(() -> SafeZip.extract(zip, dir.resolve("out"), GENEROUS)).as(evil)
                .isInstanceOf(ArchiveRefusedException.class);
            assertThat(dir.resolve("out")).as("partial extraction removed").doesNotExist();
            assertThat(dir.resolve("evil")).doesNotExist();
        }
    }

    @Test
    void anArchiveExpandingBeyondTheByteLimitIsRefusedWhileExtracting() throws IOException {
        Path bomb = dir.resolve("bomb.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(bomb))) {
            out.putNextEntry(new ZipEntry("zeros.dcm"));
            out.write(new byte[4 << 20]);  // 4 MiB of zeros compress to a few KiB
            out.closeEntry();
        }
        SafeZip.Limits oneMiB = new SafeZip.Limits(100, 1 << 20);

        assertThat(Files.size(bomb)).isLessThan(64 << 10);
        assertThatThrownBy(() -> SafeZip.inspect(bomb, oneMiB)).hasMessageContaining("expands to more than");
        assertThatThrownBy(() -> SafeZip.extract(bomb, dir.resolve("out"), oneMiB)).hasMessageContaining("expands to more than");
        assertThat(dir.resolve("out")).doesNotExist();
    }

    @Test
    void tooManyEntriesOrNoZipAtAllAreRefused() throws IOException {
        Path many = ImportApiTest.zip(dir.resolve("many.zip"), "1", "2", "3");
        Path text = Files.writeString(dir.resolve("text.zip"), "not a zip");

        assertThatThrownBy(() -> SafeZip.inspect(many, new SafeZip.Limits(2, 1 << 20))).hasMessageContaining("more than 2 entries");
        assertThatThrownBy(() -> SafeZip.inspect(text, GENEROUS)).isInstanceOf(ArchiveRefusedException.class)
            .hasMessageContaining("not a readable zip");
    }
}
