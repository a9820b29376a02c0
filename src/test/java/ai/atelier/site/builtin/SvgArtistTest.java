package ai.atelier.site.builtin;

import static org.assertj.core.api.Assertions.assertThat;

import ai.atelier.knowledge.CompanyInfo.Brand;
import ai.atelier.site.VisualElement;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;

class SvgArtistTest {
    private final Brand brand = new Brand("#0B5D6B", "#B4462B", "#FAF7F2", "#1C2430");

    @Test
    void iconShapesFollowTheirDescriptions() {
        assertThat(Motif.rank("Energy costs and peak tariffs").get(0)).isEqualTo(Motif.BOLT);
        assertThat(Motif.rank("Route planning for delivery fleets").get(0)).isIn(Motif.TRUCK, Motif.PIN);
        assertThat(Motif.rank("Patient no-shows at the clinic").get(0)).isEqualTo(Motif.HEART);
        assertThat(Motif.rank("something unrelated entirely")).containsExactly(Motif.SPARK);
        String bolt = SvgArtist.icon(new VisualElement("i", "Icon", "energy bills", VisualElement.Kind.ICON), brand);
        String heart = SvgArtist.icon(new VisualElement("i", "Icon", "patient care", VisualElement.Kind.ICON), brand);
        assertThat(bolt).isNotEqualTo(heart).contains("#0B5D6B");
    }

    @Test
    void heroesDifferByDescriptionAndAreWellFormedXml() throws Exception {
        String a = SvgArtist.hero(new VisualElement("hero", "A", "manufacturing downtime and energy", VisualElement.Kind.HERO), brand);
        String b = SvgArtist.hero(new VisualElement("hero", "B", "retail inventory and customer churn", VisualElement.Kind.HERO), brand);
        assertThat(a).isNotEqualTo(b);
        for (String svg : new String[] {a, b}) {
            DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
        }
    }

    @Test
    void labelsAreEscapedIntoTheTitle() {
        String svg = SvgArtist.icon(new VisualElement("i", "<script>alert(1)</script>&", "x", VisualElement.Kind.ICON), brand);
        assertThat(svg).doesNotContain("<script>").contains("&lt;script&gt;alert(1)&lt;/script&gt;&amp;");
    }
}
