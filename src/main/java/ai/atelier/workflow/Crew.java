package ai.atelier.workflow;

import ai.atelier.AtelierException;
import ai.atelier.quality.QaAgent;
import ai.atelier.quality.QaReviewer;
import ai.atelier.quality.QualityReport;
import ai.atelier.quality.SiteUnderTest;
import ai.atelier.site.Engines;
import ai.atelier.site.Image;
import ai.atelier.site.ImageSlot;
import ai.atelier.site.SiteGenerator;
import ai.atelier.site.VisualElement;
import ai.atelier.site.WebsiteSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/**
 * The personas a workflow step can name, as step actions: each reads its inputs from the
 * {@link SiteState}, asks {@link Engines} for the implementation bound to its role, and writes its
 * output back. The artist fans out one call per visual element, in parallel.
 */
public final class Crew {
    public static final Set<String> PERSONAS = Set.of("personalizer", "artist", "frontend-developer", "qa", "site-generator");

    private final Engines engines;
    private final QaAgent qa;

    public Crew(Engines engines, QaAgent qa) {
        this.engines = engines;
        this.qa = qa;
    }

    public Engines engines() {
        return engines;
    }

    public QaAgent qa() {
        return qa;
    }

    /** The same crew with other engines (a role escalated to a larger model tier). */
    public Crew with(Engines other) {
        return new Crew(other, qa);
    }

    public StepAction action(StepDefinition step) {
        String role = step.role();
        return switch (step.persona()) {
            case "personalizer" -> (state, ctx) ->
                    state.spec(engines.personalizer(role).personalize(state.profile(), state.company(), state.retriever(), ctx));
            case "artist" -> (state, ctx) -> {
                var artist = engines.artist(role);
                List<Future<Image>> jobs = new ArrayList<>();
                for (VisualElement v : state.spec().visualElements()) {
                    jobs.add(ctx.executor().submit(() -> artist.draw(v, state.company(), ctx)));
                }
                try {
                    for (Future<Image> f : jobs) state.addImage(f.get());
                } catch (ExecutionException e) {
                    jobs.forEach(j -> j.cancel(true));
                    throw e.getCause() instanceof Exception ex ? ex : e;
                } catch (InterruptedException e) {
                    jobs.forEach(j -> j.cancel(true));
                    throw e;
                }
            };
            case "frontend-developer" -> (state, ctx) -> {
                WebsiteSpec spec = state.spec();
                state.page(engines.developer(role).build(spec, ImageSlot.plan(spec, state.imageExtension()), state.company(), ctx));
            };
            case "site-generator" -> (state, ctx) -> {
                SiteGenerator.Result r = engines.siteGenerator(role).generate(state.profile(), state.company(), state.retriever(), ctx);
                state.spec(r.spec());
                r.images().forEach(state::addImage);
                state.page(r.page());
            };
            case "qa" -> (state, ctx) -> {
                SiteUnderTest site = SiteUnderTest.of(state.folder().root(), state.hasSpec() ? state.spec() : null, state.profile(), state.company());
                QualityReport report = qa.review(site);
                // a reviewer model, when the role is bound to one, advises beside the score; it never gates
                var reviewer = engines.chatModel(role, ctx);
                if (reviewer.isPresent()) report = report.withReview(new QaReviewer(ctx.prompts()).review(site, reviewer.get(), role));
                state.quality(report);
            };
            default -> throw new AtelierException("unknown persona \"" + step.persona() + "\"");
        };
    }

    /** The artist bound to a workflow's artist step decides the image file type. */
    public String imageExtensionFor(WorkflowDefinition wf) {
        return wf.steps().stream().filter(s -> s.persona().equals("artist")).findFirst()
                .map(s -> engines.artist(s.role()).fileExtension()).orElse("svg");
    }
}
