package ai.atelier.workflow;

import ai.atelier.site.PersonaContext;
import java.util.List;

/**
 * One persona's work as a workflow step, all in one place: the name a workflow gives it
 * ({@code persona:} in the YAML), the role it asks the engines for unless the workflow names
 * another, what it reads from and writes to the {@link SiteState}, how it runs, how a resume gets
 * its finished output back from the site folder, and which failed quality checks it revises. The
 * orchestrator, the resume and the revise loop know steps only through this type, so adding a
 * persona is one class implementing it and one entry in the list a {@link Crew} is given
 * ({@code workflow.steps.StandardSteps}); see docs/adding-a-step.md. Implementations hold no state
 * of their own: everything of a run is in the site state, the crew and the context.
 */
public interface Step {
    /** The name workflow YAML gives this step in {@code persona:}; lower-case letters, digits and hyphens. */
    String persona();

    /** The role a config binds to a model for this step, when the workflow names none; the persona's own name by default. */
    default String role() {
        return persona();
    }

    /**
     * What the step needs on the site state before it runs ({@link SiteState#SPEC}, {@link SiteState#PAGE},
     * {@link SiteState#draftName(String)}…): a workflow that runs it without a step before it that
     * writes each of these is refused when it is loaded.
     */
    List<String> reads();

    /** What the step puts on the site state (and so into the site folder). */
    List<String> writes();

    /** Does the step's work: reads its inputs from {@code state}, asks {@code crew} for the persona bound to {@code ctx.role()}, writes its outputs back. */
    void run(SiteState state, Crew crew, PersonaContext ctx) throws Exception;

    /**
     * Reloads the output this step wrote in an earlier session from the site folder into
     * {@code state}, for a resume. Returns false when anything it produced is missing, so the step
     * runs again. The default restores nothing: the step always runs again (QA judges the page as it is now).
     */
    default boolean restore(SiteState state) {
        return false;
    }

    /**
     * True when the step's whole output is one file written atomically as its last act, so finding
     * it proves the step finished even when its journal entry was lost (a page or a set of images
     * is several files: those steps need their journal entry).
     */
    default boolean wholeOnDisk() {
        return false;
    }

    /**
     * How strongly this step claims a failed quality check (by check name): the revise loop sends
     * each failure to the step of the workflow with the strongest claim, the earliest on a tie, and
     * to no step when none claims it.
     */
    default Claim claim(String check) {
        return Claim.NONE;
    }

    /** Called for each step of a workflow before any of them runs, and before a resume restores them (the artist sets the image file type here). */
    default void prepare(SiteState state, Crew crew, String role) {}

    /** A step's claim on a failed quality check, weakest first. */
    enum Claim {
        /** Not this step's to fix. */
        NONE,
        /** This step can change what the check judges, but only when no step of the workflow claims it more strongly. */
        FALLBACK,
        /** This step makes the whole site, so it can fix anything a more specific step of the workflow does not own. */
        WHOLE_SITE,
        /** The check judges this step's own output. */
        OWNER
    }
}
