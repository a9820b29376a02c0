package ai.atelier.workflow;

import ai.atelier.AtelierException;
import ai.atelier.quality.QaAgent;
import ai.atelier.site.Engines;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Who does a workflow's work: the {@link Step}s a workflow may name (by persona), the
 * {@link Engines} that bind each role to the built-in engine or a model, and the QA agent. A step
 * asks the crew for the persona bound to its role when it runs; the revise loop swaps in larger
 * engines with {@link #with(Engines)}, keeping the same steps.
 */
public final class Crew {
    private final Engines engines;
    private final QaAgent qa;
    private final Map<String, Step> steps;

    /** @param steps every step a workflow may name, each persona once (the standard list is {@code workflow.steps.StandardSteps.all()}) */
    public Crew(Engines engines, QaAgent qa, List<Step> steps) {
        this(engines, qa, index(steps));
    }

    private Crew(Engines engines, QaAgent qa, Map<String, Step> steps) {
        this.engines = engines;
        this.qa = qa;
        this.steps = steps;
    }

    /** The steps by persona, in list order; a persona named twice is a programming error. */
    static Map<String, Step> index(List<Step> steps) {
        Map<String, Step> byPersona = new LinkedHashMap<>();
        for (Step s : steps) {
            if (byPersona.put(s.persona(), s) != null) throw new IllegalArgumentException("two steps are named \"" + s.persona() + "\"");
        }
        return Collections.unmodifiableMap(byPersona);
    }

    public Engines engines() {
        return engines;
    }

    public QaAgent qa() {
        return qa;
    }

    /** The same crew with other engines (a role escalated to a larger model tier). */
    public Crew with(Engines other) {
        return new Crew(other, qa, steps);
    }

    /** The step a workflow's step definition names. */
    public Step step(StepDefinition def) {
        Step s = steps.get(def.persona());
        if (s == null) throw new AtelierException(WorkflowLoader.unknownPersona("workflow", def.id(), def.persona(), steps.keySet()), "workflow", null);
        return s;
    }

    /** Lets every step of {@code wf} prepare the state before any runs (or, on a resume, before any is restored). */
    void prepare(WorkflowDefinition wf, SiteState state) {
        for (StepDefinition def : wf.ordered()) step(def).prepare(state, this, def.role());
    }
}
