package ai.atelier.workflow;

import ai.atelier.quality.QaAgent;
import ai.atelier.quality.QaReviewer;
import ai.atelier.quality.QualityReport;
import ai.atelier.quality.SiteUnderTest;
import ai.atelier.site.Engines;
import ai.atelier.site.Handoff;
import ai.atelier.site.Image;
import ai.atelier.site.ImageSlot;
import ai.atelier.site.SiteGenerator;
import ai.atelier.site.VisualElement;
import ai.atelier.site.WebsiteSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The personas a workflow step can name, as step actions: each reads its inputs from the
 * {@link SiteState}, asks {@link Engines} for the implementation bound to its role, and writes its
 * output back. The artist fans out one call per visual element, in parallel.
 */
public final class Crew {
    public static final Set<String> PERSONAS = Stream.concat(Stream.of("personalizer", "artist", "frontend-developer", "qa", "site-generator"),
            FineGrainedSteps.PERSONAS.stream()).collect(Collectors.toUnmodifiableSet());

    private final Engines engines;
    private final QaAgent qa;
    private final FineGrainedSteps fineGrained;

    public Crew(Engines engines, QaAgent qa) {
        this.engines = engines;
        this.qa = qa;
        this.fineGrained = new FineGrainedSteps(engines);
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
                List<java.util.concurrent.Callable<Image>> draws = new ArrayList<>();
                for (VisualElement v : state.spec().visualElements()) {
                    ctx.meter().carried(ctx.tokens().count(Handoff.visual(v)));
                    draws.add(() -> artist.draw(v, state.company(), ctx));
                }
                ctx.fanOut(draws).forEach(state::addImage);
            };
            case "frontend-developer" -> (state, ctx) -> {
                WebsiteSpec spec = state.spec();
                List<ImageSlot> slots = ImageSlot.plan(spec, state.imageExtension());
                ctx.meter().carried(ctx.tokens().count(Handoff.spec(spec)) + ctx.tokens().count(Handoff.slots(slots)));
                state.page(engines.developer(role).build(spec, slots, state.company(), ctx));
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
            default -> fineGrained.action(step.persona());
        };
    }

    /**
     * Reloads a finished step's output from the site folder into the state, for resuming a run.
     * Returns false when anything the step produced is missing, so the step runs again. QA always
     * runs again: it judges the page as it is now.
     */
    public boolean restore(StepDefinition step, SiteState state) {
        SiteFolder folder = state.folder();
        return switch (step.persona()) {
            case "personalizer" -> {
                WebsiteSpec spec = folder.readJson("spec.json", WebsiteSpec.class);
                if (spec != null) state.spec(spec);
                yield spec != null;
            }
            case "artist" -> state.hasSpec() && restoreImages(state);
            case "frontend-developer" -> restorePage(state);
            case "site-generator" -> {
                WebsiteSpec spec = folder.readJson("spec.json", WebsiteSpec.class);
                if (spec == null) yield false;
                state.spec(spec);
                yield restoreImages(state) && restorePage(state);
            }
            case "pain-point-analyst" -> state.restoreDraft(ai.atelier.site.finegrained.Drafts.RESEARCH, ai.atelier.site.builtin.SpecRules.Research.class);
            case "offering-matcher" -> state.restoreDraft(ai.atelier.site.finegrained.Drafts.OFFERINGS, ai.atelier.site.finegrained.Drafts.MatchedOfferings.class);
            case "copywriter-pain-points" -> state.restoreDraft(ai.atelier.site.finegrained.Drafts.PAIN_POINTS_COPY, ai.atelier.site.finegrained.Drafts.SectionDraft.class);
            case "copywriter-offerings" -> state.restoreDraft(ai.atelier.site.finegrained.Drafts.OFFERINGS_COPY, ai.atelier.site.finegrained.Drafts.SectionDraft.class);
            case "copywriter-hero" -> state.restoreDraft(ai.atelier.site.finegrained.Drafts.HERO_COPY, ai.atelier.site.finegrained.Drafts.HeroDraft.class);
            // the art director writes its plan, then the spec it assembles: both must be there
            case "art-director" -> state.restoreDraft(ai.atelier.site.finegrained.Drafts.VISUAL_PLAN, ai.atelier.site.finegrained.Drafts.VisualPlan.class)
                    && state.restoreSpec();
            case "reviewer" -> state.restoreDraft(ai.atelier.site.finegrained.Drafts.REVIEW, ai.atelier.site.finegrained.Drafts.Review.class);
            default -> false; // qa: judges the page as it is now
        };
    }

    /**
     * Steps whose whole output is one file written atomically as their last act, so finding it
     * proves the step finished even when its journal entry was lost. A page or a set of images is
     * several files, so those steps need their journal entry.
     */
    static boolean restorableWithoutJournal(StepDefinition step) {
        return switch (step.persona()) {
            case "personalizer", "pain-point-analyst", "offering-matcher", "copywriter-pain-points", "copywriter-offerings",
                 "copywriter-hero", "reviewer" -> true;
            default -> false;
        };
    }

    private static boolean restoreImages(SiteState state) {
        List<Image> found = new ArrayList<>();
        for (ImageSlot slot : ImageSlot.plan(state.spec(), state.imageExtension())) {
            byte[] data = state.folder().read(slot.path());
            if (data == null) return false;
            found.add(new Image(slot.elementId(), slot.path(), mediaType(slot.path()), data, slot.alt()));
        }
        found.forEach(state::addImage);
        return true;
    }

    private static boolean restorePage(SiteState state) {
        byte[] html = state.folder().read("index.html");
        byte[] css = state.folder().read("styles.css");
        if (html == null || css == null) return false;
        List<ai.atelier.site.SiteFile> files = new ArrayList<>(List.of(new ai.atelier.site.SiteFile("index.html", html),
                new ai.atelier.site.SiteFile("styles.css", css)));
        byte[] js = state.folder().read("script.js");
        if (js != null) files.add(new ai.atelier.site.SiteFile("script.js", js));
        state.page(files);
        return true;
    }

    private static String mediaType(String path) {
        return path.endsWith(".svg") ? "image/svg+xml" : path.endsWith(".png") ? "image/png" : "application/octet-stream";
    }

    /** The artist bound to a workflow's artist step decides the image file type. */
    public String imageExtensionFor(WorkflowDefinition wf) {
        return wf.steps().stream().filter(s -> s.persona().equals("artist")).findFirst()
                .map(s -> engines.artist(s.role()).fileExtension()).orElse("svg");
    }
}
