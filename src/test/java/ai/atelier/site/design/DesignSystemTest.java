package ai.atelier.site.design;

import static org.assertj.core.api.Assertions.assertThat;

import ai.atelier.knowledge.Policies;
import java.util.List;
import org.junit.jupiter.api.Test;

class DesignSystemTest {

    @Test
    void contrastMatchesWcagReferenceValues() {
        assertThat(Colors.ratio("#000000", "#FFFFFF")).isCloseTo(21.0, org.assertj.core.data.Offset.offset(0.01));
        assertThat(Colors.ratio("#777777", "#FFFFFF")).isCloseTo(4.48, org.assertj.core.data.Offset.offset(0.01));
        assertThat(Colors.readable("#FFFFFF", 4.5, "#FFFF00", "#0B5D6B")).isEqualTo("#0B5D6B");
        assertThat(Colors.mix("#000000", "#FFFFFF", 0.5)).isEqualTo("#808080");
    }

    @Test
    void fontStacksBecomeValidCss() {
        assertThat(DesignSystem.fontFamily("Source Sans 3, Segoe UI, system-ui, sans-serif"))
                .isEqualTo("\"Source Sans 3\", \"Segoe UI\", system-ui, sans-serif");
        assertThat(DesignSystem.fontFamily("Georgia")).isEqualTo("\"Georgia\", sans-serif");
    }

    @Test
    void linksOnlyToAllowedPlaces() {
        Policies p = new Policies(List.of(), null, List.of("lanternfold.example"), null);
        assertThat(DesignSystem.Links.allowed("https://www.lanternfold.example/contact", p)).isTrue();
        assertThat(DesignSystem.Links.allowed("mailto:hello@lanternfold.example", p)).isTrue();
        assertThat(DesignSystem.Links.allowed("#contact", p)).isTrue();
        assertThat(DesignSystem.Links.allowed("https://evil.example", p)).isFalse();
        assertThat(DesignSystem.Links.allowed("https://lanternfold.example.evil.example", p)).isFalse();
        assertThat(DesignSystem.Links.allowed("javascript:alert(1)", p)).isFalse();
        assertThat(DesignSystem.Links.allowed("mailto:x@evil.example", p)).isFalse();
    }

    @Test
    void htmlEscapingCoversMarkupAndQuotes() {
        assertThat(Html.text("<a href=\"x\" onclick='y'>&")).isEqualTo("&lt;a href=&quot;x&quot; onclick=&#39;y&#39;&gt;&amp;");
    }

    @Test
    void bannedPhrasesMatchAcrossCaseAndSpacing() {
        Policies p = new Policies(List.of("guaranteed results"), null, List.of(), null);
        assertThat(p.findBannedPhrase("We promise GUARANTEED\n   Results today")).isEqualTo("guaranteed results");
        assertThat(p.findBannedPhrase("guaranteed, results")).isNull();
    }
}
