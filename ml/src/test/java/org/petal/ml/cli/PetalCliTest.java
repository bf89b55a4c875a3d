package org.petal.ml.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class PetalCliTest {

    @TempDir
    Path dir;

    private final StringWriter err = new StringWriter();

    @Test
    void demo_writes_cases_stores_and_mip_images_and_prints_their_paths() throws IOException {
        String out = run(0, "demo", "--out", dir.toString(), "--cases", "1");

        Path mip = dir.resolve("mips/phantom_0000-coronal-mip.png");
        assertThat(out).contains(mip.toAbsolutePath().toString()).contains("voxel store:");
        assertThat(ImageIO.read(mip.toFile()).getHeight()).isGreaterThan(200);
        assertThat(dir.resolve("stores/phantom_0000/store.json")).exists();
        assertThat(dir.resolve("dataset/cases.csv")).exists();

        String again = run(0, "demo", "--out", dir.toString(), "--cases", "1");
        assertThat(again).contains("reusing demo dataset");
    }

    @Test
    void info_shows_unit_and_suv_provenance_of_an_imported_case() throws IOException {
        run(0, "demo", "--out", dir.toString(), "--cases", "1");

        String out = run(0, "info", dir.resolve("stores/phantom_0000").toString());

        assertThat(out).contains("unit:     SUVbw").contains("Petal PET, SUVbw").contains("125x88x250");
    }

    @Test
    void a_corrupt_file_gets_a_one_line_error_and_exit_code_2() throws IOException {
        Path bad = dir.resolve("bad.nii.gz");
        Files.write(bad, new byte[] {0x1f, (byte) 0x8b, 8, 0, 1, 2, 3});

        run(2, "import", bad.toString(), "--store", dir.resolve("case").toString());

        assertThat(err.toString()).startsWith("petal: ").doesNotContain("Exception");
        assertThat(dir.resolve("case")).doesNotExist();
    }

    private String run(int expectedExit, String... args) {
        CommandLine cli = PetalCli.commandLine();
        cli.setErr(new PrintWriter(err, true));
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            assertThat(cli.execute(args)).as("exit code; stderr: %s", err).isEqualTo(expectedExit);
        } finally {
            System.setOut(original);
        }
        return captured.toString(StandardCharsets.UTF_8);
    }
}
