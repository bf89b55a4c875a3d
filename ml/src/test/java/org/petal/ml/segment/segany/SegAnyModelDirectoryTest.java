package org.petal.ml.segment.segany;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.petal.ml.segment.Engines;

/**
 * A model directory that is missing, corrupt or inconsistent is refused when the engine is created, with
 * a message that names the problem — and {@code suv-grow} keeps working.
 */
class SegAnyModelDirectoryTest {

    @TempDir
    Path temp;

    @Test
    void aMissingDirectoryNamesTheMissingModelInfo() {
        assertThatThrownBy(() -> SegAnyNetwork.load(SegAnySettings.cpu(temp.resolve("nowhere"))))
            .isInstanceOf(SegAnyModelException.class).hasMessageContaining("no model-info.json");
    }

    @Test
    void modelInfoThatIsNotJsonIsRefused() throws IOException {
        Files.writeString(temp.resolve("model-info.json"), "{ not json");
        assertThatThrownBy(() -> SegAnyModelInfo.read(temp))
            .isInstanceOf(SegAnyModelException.class).hasMessageContaining("not valid JSON");
    }

    @Test
    void aForeignJsonFileIsRefused() throws IOException {
        Files.writeString(temp.resolve("model-info.json"), "{\"format\": \"something-else\"}");
        assertThatThrownBy(() -> SegAnyModelInfo.read(temp))
            .isInstanceOf(SegAnyModelException.class).hasMessageContaining("not a version-1 petal-segany-model-info");
    }

    @Test
    void aCorruptEncoderIsRefusedByItsHash() throws IOException {
        Path dir = copyOf(PythonModels.model("tiny"));
        byte[] bytes = Files.readAllBytes(dir.resolve("encoder.pt"));
        bytes[bytes.length / 2] ^= 0x5a;
        Files.write(dir.resolve("encoder.pt"), bytes);
        assertThatThrownBy(() -> SegAnyNetwork.load(SegAnySettings.cpu(dir)))
            .isInstanceOf(SegAnyModelException.class).hasMessageContaining("encoder.pt does not match model-info.json");
    }

    @Test
    void aTruncatedDecoderIsRefused() throws IOException {
        Path dir = copyOf(PythonModels.model("tiny"));
        byte[] bytes = Files.readAllBytes(dir.resolve("decoder.pt"));
        Files.write(dir.resolve("decoder.pt"), java.util.Arrays.copyOf(bytes, bytes.length / 3));
        assertThatThrownBy(() -> SegAnyNetwork.load(SegAnySettings.cpu(dir)))
            .isInstanceOf(SegAnyModelException.class).hasMessageContaining("decoder.pt does not match");
    }

    @Test
    void aMissingDecoderIsNamed() throws IOException {
        Path dir = copyOf(PythonModels.model("tiny"));
        Files.delete(dir.resolve("decoder.pt"));
        assertThatThrownBy(() -> SegAnyNetwork.load(SegAnySettings.cpu(dir)))
            .isInstanceOf(SegAnyModelException.class).hasMessageContaining("decoder.pt is missing");
    }

    @Test
    void modelInfoPromisingAnotherEmbeddingSizeIsCaughtWhenTheNetworkRuns() throws IOException {
        Path dir = copyOf(PythonModels.model("tiny"));
        Path info = dir.resolve("model-info.json");
        Files.writeString(info, Files.readString(info).replace("\"prompt_embed_dim\": 48", "\"prompt_embed_dim\": 384"));
        assertThatThrownBy(() -> SegAnyNetwork.load(SegAnySettings.cpu(dir)))
            .isInstanceOf(SegAnyModelException.class).hasMessageContaining("model-info.json promises");
    }

    @Test
    void aHashedFileThatIsNotTorchScriptIsRefusedWhenLoading() throws IOException {
        Path dir = copyOf(PythonModels.model("tiny"));
        Files.writeString(dir.resolve("encoder.pt"), "this is not a TorchScript archive");
        Path info = dir.resolve("model-info.json");
        String hash = SegAnyModelInfo.sha256(dir.resolve("encoder.pt"));
        String json = Files.readString(info).replaceFirst("(\"encoder.pt\": \\{\\s*\"sha256\": \")[0-9a-f]+", "$1" + hash);
        Files.writeString(info, json);
        assertThatThrownBy(() -> SegAnyNetwork.load(SegAnySettings.cpu(dir)))
            .isInstanceOf(SegAnyModelException.class).hasMessageContaining("cannot load encoder.pt as TorchScript");
    }

    @Test
    void suvGrowIsUnaffectedByABrokenSeganyModel() {
        assertThatThrownBy(() -> SegAnyModel.load(SegAnySettings.cpu(temp))).isInstanceOf(SegAnyModelException.class);
        assertThat(Engines.create("suv-grow").name()).isEqualTo("suv-grow");
    }

    private Path copyOf(Path model) throws IOException {
        Path dir = Files.createDirectories(temp.resolve("model"));
        for (String name : new String[] {"encoder.pt", "decoder.pt", "model-info.json"}) {
            Files.copy(model.resolve(name), dir.resolve(name), StandardCopyOption.REPLACE_EXISTING);
        }
        return dir;
    }
}
