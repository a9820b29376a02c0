package ai.atelier.site.design;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The last line of defence for a page's title and h1: visitor text with an unbalanced right-to-left
 * override (U+202E), isolates, or words made only of zero-width characters is rendered without
 * them; real words, RTL letters and emoji joined by ZWJ are kept, and everything is still escaped.
 */
class HeadingTextTest {
    @Test
    void bidiControlsAndInvisibleWordsNeverReachTheHeading() {
        assertThat(Html.heading("Welcome, \u202Emaerc eci\u202C Sophie")).isEqualTo("Welcome, maerc eci Sophie");
        assertThat(Html.heading("Hello \u202E<b>\u2066x\u2069")).isEqualTo("Hello &lt;b&gt;x");
        assertThat(Html.heading("Plans for \u200B\u200B Vattern \u2060\uFEFF Moulding")).isEqualTo("Plans for Vattern Moulding");
        assertThat(Html.heading("\u200B")).isEmpty();
        assertThat(Html.heading("שלום Sophie")).isEqualTo("שלום Sophie");
        assertThat(Html.heading("Team \uD83D\uDC69\u200D\uD83D\uDCBB ready")).isEqualTo("Team \uD83D\uDC69\u200D\uD83D\uDCBB ready");
        // the ordinary escaper keeps them (it is used for body text, where the personalizer cleans input)
        assertThat(Html.text("a\u202Eb")).contains("\u202E");
    }
}
