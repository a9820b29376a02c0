package ai.atelier.model.llama;

import ai.atelier.model.LlamaSettings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class LlamaSettingsTest {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private static JsonNode yaml(String s) throws Exception {
        return YAML.readTree(s);
    }

    @Test
    void readsAConfigModelEntry() throws Exception {
        LlamaSettings s = LlamaSettings.parse("local", yaml("""
                provider: llamacpp-embedded
                model: models/qwen2.5-1.5b-instruct-q4_k_m.gguf
                contextSize: 8192
                threads: 6
                gpuLayers: 20
                slots: 2
                temperature: 0.1
                stop: ["</html>"]
                machineCostPerHour: 0.05
                """), Path.of("/etc/atelier"));
        assertThat(s.modelFile()).isEqualTo(Path.of("/etc/atelier/models/qwen2.5-1.5b-instruct-q4_k_m.gguf"));
        assertThat(s.contextSize()).isEqualTo(8192);
        assertThat(s.threads()).isEqualTo(6);
        assertThat(s.gpuLayers()).isEqualTo(20);
        assertThat(s.slots()).isEqualTo(2);
        assertThat(s.temperature()).isEqualTo(0.1);
        assertThat(s.stop()).isEqualTo(List.of("</html>"));
        assertThat(s.machineCostPerHour()).isEqualTo(0.05);
    }

    @Test
    void defaultsNeedOnlyTheFile() throws Exception {
        LlamaSettings s = LlamaSettings.parse("local", yaml("model: /m/x.gguf"), null);
        assertThat(s.contextSize()).isEqualTo(4096);
        assertThat(s.slots()).isEqualTo(1);
        assertThat(s.gpuLayers()).isZero();
        assertThat(s.threads()).isEqualTo(Runtime.getRuntime().availableProcessors());
        assertThat(s.machineCostPerHour()).isNull();
    }

    @Test
    void mistakesAreOneLineErrorsNamingTheModel() throws Exception {
        assertThatThrownBy(() -> LlamaSettings.parse("local", yaml("threads: 2"), null))
                .hasMessage("model local (provider llamacpp-embedded) has no model:; set it to the path of a .gguf file");
        assertThatThrownBy(() -> LlamaSettings.parse("local", yaml("model: x.gguf\nctx: 10"), null))
                .hasMessageContaining("unknown setting \"ctx\"").hasMessageContaining("contextSize");
        assertThatThrownBy(() -> LlamaSettings.parse("local", yaml("model: x.gguf\nslots: 0"), null))
                .hasMessage("model local (provider llamacpp-embedded): slots must be >= 1");
        assertThatThrownBy(() -> LlamaSettings.parse("local", yaml("model: x.gguf\nthreads: many"), null))
                .hasMessageContaining("threads must be a whole number");
        assertThatThrownBy(() -> LlamaSettings.parse("local", yaml("model: x.gguf\nmachineCostPerHour: cheap"), null))
                .hasMessageContaining("machineCostPerHour must be a number of US dollars per hour");
    }

    @Test
    void contextIsCappedAtWhatTheModelWasTrainedFor() {
        GgufMetadata tiny = GgufMetadata.read(TinyModel.require());
        assertThat(LoadedModel.effectiveContext(tiny, LlamaSettings.of(tiny.file()))).isEqualTo(2048);
        assertThat(LoadedModel.effectiveContext(tiny, LlamaSettings.of(tiny.file()).withContextSize(512))).isEqualTo(512);
        assertThat(LoadedModel.effectiveContext(tiny, LlamaSettings.of(tiny.file()).withContextSize(0))).isEqualTo(2048);
        // an explicit size past the trained length is the user's call (llama.cpp runs it; answers degrade there)
        assertThat(LoadedModel.effectiveContext(tiny, LlamaSettings.of(tiny.file()).withContextSize(8192))).isEqualTo(8192);
    }
}
