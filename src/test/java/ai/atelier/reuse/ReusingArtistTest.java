package ai.atelier.reuse;

import static org.assertj.core.api.Assertions.assertThat;

import ai.atelier.cli.GenerateWithModelsEndToEndTest;
import ai.atelier.knowledge.Company;
import ai.atelier.knowledge.CompanyInfo;
import ai.atelier.knowledge.CompanyLoader;
import ai.atelier.model.AtelierConfig;
import ai.atelier.model.Backoff;
import ai.atelier.model.CallMeter;
import ai.atelier.model.ConfigLoader;
import ai.atelier.model.TokenCounter;
import ai.atelier.model.provider.Credentials;
import ai.atelier.model.provider.Providers;
import ai.atelier.site.Engines;
import ai.atelier.site.Image;
import ai.atelier.site.PersonaContext;
import ai.atelier.site.Prompts;
import ai.atelier.site.VisualElement;
import ai.atelier.site.builtin.BuiltinEngines;
import ai.atelier.site.model.ConfiguredEngines;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The artist's pictures are reused by description, palette, model binding and company: the same
 * picture for another visitor comes from the store without a call; a change of brand colour, of
 * model or of company draws anew. Drawn by the real built-in artist, and by an image model behind
 * a local server speaking the OpenAI Images API.
 */
class ReusingArtistTest {
    @TempDir
    Path dir;
    Company company;
    ReuseStore store;
    final VisualElement icon = new VisualElement("pain-1", "Icon: Unplanned stoppages",
            "Unplanned stoppages. predictive maintenance", VisualElement.Kind.ICON);

    @BeforeEach
    void setUp() {
        company = new CompanyLoader().load(Path.of("examples/company"));
        store = ReuseStore.open(dir.resolve("reuse"));
    }

    static PersonaContext ctx(String model) {
        return new PersonaContext("artist", model, new CallMeter(System.nanoTime()), null, new Prompts(), new TokenCounter(), List.of());
    }

    private ReusingEngines reusing(Engines inner, String config) {
        ReusingEngines e = ReusingEngines.around(inner);
        e.use(store, () -> config);
        return e;
    }

    static Company withBrand(Company c, CompanyInfo.Brand brand) {
        CompanyInfo i = c.info();
        return new Company(c.dir(), new CompanyInfo(i.name(), i.tagline(), brand, i.font(), i.contact(), i.industries(), i.callToAction()),
                c.research(), c.offerings(), c.testimonials(), c.designGuidelines(), c.policies(), c.skipped());
    }

    static Company renamed(Company c, String name) {
        CompanyInfo i = c.info();
        return new Company(c.dir(), new CompanyInfo(name, i.tagline(), i.brand(), i.font(), i.contact(), i.industries(), i.callToAction()),
                c.research(), c.offerings(), c.testimonials(), c.designGuidelines(), c.policies(), c.skipped());
    }

    @Test
    void anotherVisitorsSamePictureComesFromTheStoreWithoutACall() {
        ReusingEngines engines = reusing(new BuiltinEngines(), null);
        PersonaContext first = ctx("builtin");
        Image drawn = engines.artist("artist").draw(icon, company, first);
        assertThat(first.meter().calls()).hasSize(1);

        PersonaContext second = ctx("builtin");
        // the next visitor's plan puts the same picture in another slot: same bytes, its own file name
        VisualElement sameElsewhere = new VisualElement("pain-2", icon.label(), icon.description(), icon.kind());
        Image reused = engines.artist("artist").draw(sameElsewhere, company, second);
        assertThat(reused.data()).isEqualTo(drawn.data());
        assertThat(reused.mediaType()).isEqualTo("image/svg+xml");
        assertThat(reused.path()).isEqualTo("assets/pain-2.svg");
        assertThat(reused.elementId()).isEqualTo("pain-2");
        assertThat(second.meter().calls()).isEmpty();
        assertThat(store.stats().steps().get("artist")).isEqualTo(new ReuseStats.Step(1, 1, 0));
    }

    @Test
    void aChangeOfBrandColourOrOfDescriptionRedraws() {
        ReusingEngines engines = reusing(new BuiltinEngines(), null);
        Image original = engines.artist("artist").draw(icon, company, ctx("builtin"));
        var b = company.info().brand();
        Company recoloured = withBrand(company, new CompanyInfo.Brand("#7A1F3D", b.accent(), b.background(), b.text()));
        PersonaContext c = ctx("builtin");
        Image redrawn = engines.artist("artist").draw(icon, recoloured, c);
        assertThat(c.meter().calls()).hasSize(1);
        assertThat(new String(redrawn.data())).contains("#7A1F3D").isNotEqualTo(new String(original.data()));
        engines.artist("artist").draw(new VisualElement("pain-1", icon.label(), icon.description() + " downtime", icon.kind()), company, ctx("builtin"));
        assertThat(store.stats().steps().get("artist")).isEqualTo(new ReuseStats.Step(0, 3, 0));
    }

    @Test
    void twoCompaniesNeverShareAPictureEvenWithTheSameBrand() {
        ReusingEngines engines = reusing(new BuiltinEngines(), null);
        engines.artist("artist").draw(icon, company, ctx("builtin"));
        PersonaContext other = ctx("builtin");
        engines.artist("artist").draw(icon, renamed(company, "Another Analytics Ltd"), other);
        assertThat(other.meter().calls()).hasSize(1);
        assertThat(store.stats().steps().get("artist").hits()).isZero();
    }

    @Test
    void anotherModelOrConfigDrawsAnewOnTheWire() throws Exception {
        byte[] png = GenerateWithModelsEndToEndTest.PNG;
        try (MockWebServer server = new MockWebServer()) {
            server.setDispatcher(new mockwebserver3.Dispatcher() {
                @Override
                public MockResponse dispatch(mockwebserver3.RecordedRequest r) {
                    return new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
                            .body("{\"created\":1,\"data\":[{\"b64_json\":\"" + Base64.getEncoder().encodeToString(png) + "\"}]}").build();
                }
            });
            server.start();
            String base = server.url("/v1").toString();
            Engines dalle = configured(base, "dall-e-3"), gptImage = configured(base, "gpt-image-1");

            Image first = reusing(dalle, "config-a").artist("artist").draw(icon, company, ctx("painter"));
            assertThat(first.path()).isEqualTo("assets/pain-1.png");
            reusing(dalle, "config-a").artist("artist").draw(icon, company, ctx("painter"));
            assertThat(server.getRequestCount()).isEqualTo(1); // the second visitor's picture came from the store

            reusing(gptImage, "config-a").artist("artist").draw(icon, company, ctx("painter"));
            assertThat(server.getRequestCount()).isEqualTo(2); // another model: drawn again
            reusing(dalle, "config-b").artist("artist").draw(icon, company, ctx("painter"));
            assertThat(server.getRequestCount()).isEqualTo(3); // another model config: drawn again
            assertThat(store.stats().steps().get("artist")).isEqualTo(new ReuseStats.Step(1, 3, 0));
        }
    }

    private static Engines configured(String base, String imageModel) throws Exception {
        AtelierConfig c = new ConfigLoader(ai.atelier.model.wiring.StandardProviders.standard().keywords()).parse(new ObjectMapper(new YAMLFactory()).readTree("""
                models:
                  painter: {provider: openai, model: %s, baseUrl: "%s"}
                roles: {artist: painter}
                """.formatted(imageModel, base)), "test");
        return new ConfiguredEngines(c, ai.atelier.model.wiring.StandardProviders.standard(), new Credentials(Map.<String, String>of()::get),
                n -> new Backoff(n, Duration.ofMillis(1), Duration.ofMillis(5), () -> 0, d -> {}));
    }
}
