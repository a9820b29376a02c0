package ai.atelier.quality;

import java.util.ArrayList;
import java.util.List;

/**
 * The checks every generated page goes through, in report order: structure and conformance,
 * policy, accessibility (static, then in the browser), personalization and the spec.
 */
public final class StandardChecks {
    private StandardChecks() {}

    /** The checks that need no browser. */
    public static List<QualityCheck> all() {
        return List.of(new HtmlParsesCheck(), new HtmlValidityCheck(), new CssValidityCheck(), new ReferencedFilesCheck(), new NoExternalLoadsCheck(),
                new LinkDomainsCheck(), new BannedPhrasesCheck(), new DisclaimerCheck(),
                new LangCheck(), new SingleH1Check(), new LandmarksCheck(), new HeadingOrderCheck(), new AltTextCheck(),
                new LinkNamesCheck(), new FormLabelsCheck(), new ContrastCheck(),
                new CallToActionCheck(), new PersonalizationCheck(), new GroundingCheck(), new CopyQualityCheck(), new SpecConsistencyCheck());
    }

    /** Every check, the browser ones reading the page through {@code audits}. */
    static List<QualityCheck> all(PageAudits audits) {
        List<QualityCheck> out = new ArrayList<>(all());
        out.add(new AxeCheck(audits));
        out.add(new NoHorizontalScrollCheck(audits));
        out.add(new RuntimeRequestsCheck(audits));
        out.add(new ScreenshotsCheck(audits));
        return out;
    }
}
