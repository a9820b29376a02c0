package ai.atelier.site.design;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The brand font stack becomes valid CSS: names quoted, generic families left bare. */
class FontFamilyTest {
    @Test
    void namesAreQuotedSoADigitDoesNotInvalidateTheStack() {
        assertThat(DesignSystem.fontFamily("Source Sans 3, Segoe UI, system-ui, sans-serif"))
                .isEqualTo("\"Source Sans 3\", \"Segoe UI\", system-ui, sans-serif");
        assertThat(DesignSystem.fontFamily("'Inter', \"Helvetica Neue\", -apple-system, serif"))
                .isEqualTo("\"Inter\", \"Helvetica Neue\", -apple-system, serif");
        assertThat(DesignSystem.fontFamily(" , ")).isEqualTo("sans-serif");
    }
}
