package ai.atelier.workflow.steps;

import ai.atelier.workflow.Step;
import java.util.List;

/**
 * Every step a workflow may name, as {@code quality.StandardChecks} is for checks: the core
 * personas (personalizer, artist, front-end developer, site generator, QA) and the fine-grained
 * ones the personalizer's job splits into. A new persona is one class and one entry here.
 */
public final class StandardSteps {
    private StandardSteps() {}

    public static List<Step> all() {
        return List.of(new PersonalizerStep(), new ArtistStep(), new FrontEndDeveloperStep(), new SiteGeneratorStep(), new QaStep(),
                new PainPointAnalystStep(), new OfferingMatcherStep(), new CopywriterPainPointsStep(), new CopywriterOfferingsStep(),
                new CopywriterHeroStep(), new ArtDirectorStep(), new ReviewerStep());
    }
}
