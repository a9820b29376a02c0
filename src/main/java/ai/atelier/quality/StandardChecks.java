package ai.atelier.quality;

import java.util.List;

/** The checks every generated page goes through. */
public final class StandardChecks {
    private StandardChecks() {}

    public static List<QualityCheck> all() {
        return List.of(new HtmlParsesCheck(), new ReferencedFilesCheck(), new NoExternalLoadsCheck(), new LinkDomainsCheck(),
                new BannedPhrasesCheck(), new DisclaimerCheck(), new AltTextCheck());
    }
}
