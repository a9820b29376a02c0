package ai.atelier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.atelier.site.Profile;
import ai.atelier.site.ProfileReader;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A job and its result are plain values: they survive Java serialization and a JSON round trip, as a batch engine ships them. */
class SiteJobTest {
    static final ObjectMapper JSON = new ObjectMapper();

    static Profile priya() {
        return new ProfileReader().read(Path.of("examples/profiles/manufacturing-priya-raman.json"));
    }

    @SuppressWarnings("unchecked")
    static <T> T roundTrip(T value) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(value);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            return (T) in.readObject();
        }
    }

    @Test
    void aJobSurvivesJavaSerializationAndJson() throws Exception {
        Profile withExtras = new Profile("p-1", "Ana Silva", "Lojas", "Retail", 40, "private", "Porto", "CTO", "fewer stock-outs",
                List.of("forecasting", "returns"), "pt", Map.of("segment", "smb"));
        SiteJob job = new SiteJob(withExtras, "fine-grained", new SiteJob.Options("/tmp/sites/ana", true), "ana-fg");

        assertThat(roundTrip(job)).isEqualTo(job);
        String json = JSON.writeValueAsString(job);
        assertThat(JSON.readValue(json, SiteJob.class)).isEqualTo(job);
        assertThat(JSON.readTree(json).path("options").path("siteDir").asText()).isEqualTo("/tmp/sites/ana");

        SiteJob plain = SiteJob.of(priya(), null);
        assertThat(plain.workflow()).isEqualTo("personas");
        assertThat(plain.options()).isEqualTo(SiteJob.Options.DEFAULT);
        assertThat(roundTrip(plain)).isEqualTo(plain);
        assertThat(JSON.readValue(JSON.writeValueAsString(plain), SiteJob.class)).isEqualTo(plain);
    }

    @Test
    void aSiteIdThatIsNotAFileNameIsRefusedInOneLine() {
        assertThatThrownBy(() -> SiteJob.of(priya(), "personas").withId("../escape"))
                .isInstanceOf(AtelierException.class)
                .hasMessageContaining("lower-case letters, digits and hyphens");
    }

    @Test
    void aResultShipsItsValuesButNotTheLocalReport() throws Exception {
        SiteResult r = new SiteResult("ana-fg", SiteResult.Status.GATE_FAILED, "/tmp/sites/ana", 0.0123, 1200, 340, 71, 5400,
                "quality gate failed: single-h1", null);
        assertThat(roundTrip(r)).isEqualTo(r);
        String json = JSON.writeValueAsString(r);
        assertThat(JSON.readTree(json).path("status").asText()).isEqualTo("gate-failed");
        assertThat(JSON.readTree(json).has("report")).isFalse();
        assertThat(JSON.readValue(json, SiteResult.class)).isEqualTo(r);
        assertThat(SiteResult.Status.DONE.label()).isEqualTo("done");
        assertThat(SiteResult.Status.FAILED.label()).isEqualTo("failed");
    }
}
