package ai.atelier.site.model;

import ai.atelier.site.WebsiteSpec;
import java.util.List;

/** What the single-llm baseline returns in one call: the spec, and in code mode the page's files too. */
public record SingleSiteAnswer(WebsiteSpec spec, List<CodeFiles.File> files) {
    public SingleSiteAnswer {
        files = files == null ? List.of() : List.copyOf(files);
    }
}
