package ai.atelier.workflow;

import ai.atelier.quality.CheckResult;
import ai.atelier.quality.QualityReport;
import ai.atelier.site.Engines;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * When QA's gate fails, sends the page back to the steps that own the blocking failures, with the
 * failures as feedback, then re-runs everything downstream of them and QA again; at most
 * {@code maxRounds} rounds, then one more on the next model tier if {@link Promotion} offers one.
 * Each failure goes to the step with the strongest {@link Step.Claim} on its check: content and
 * policy failures to the personalizer, everything else (markup, accessibility, layout, links) to
 * the front-end developer, or to the one step that builds the whole site.
 * Each round's spans carry ids like {@code developer#r1}, so the trace shows every round and what
 * it cost. A step bound to the built-in engine is not re-run: that engine is deterministic, so the
 * same inputs give the same page, and the report says so instead of paying for a pointless round.
 */
public final class ReviseLoop {
    private static final int FEEDBACK_LOCATIONS = 5;

    private final Orchestrator orchestrator;
    private final int maxRounds;
    private final boolean rerunDeterministic;
    private final Promotion promotion;

    /**
     * @param rerunDeterministic re-run built-in steps anyway (to measure what a round costs in
     *                           coordination; it cannot change the page)
     */
    public ReviseLoop(Orchestrator orchestrator, int maxRounds, boolean rerunDeterministic, Promotion promotion) {
        this.orchestrator = orchestrator;
        this.maxRounds = maxRounds;
        this.rerunDeterministic = rerunDeterministic;
        this.promotion = promotion;
    }

    /** What the loop added: the rounds' spans (ids with #rN), their wall and critical-path time, and each round. */
    public record Outcome(List<StepSpan> spans, long wallMs, long criticalPathMs, List<Revision> revisions, String failedStep, String error) {
        static final Outcome NOTHING = new Outcome(List.of(), 0, 0, List.of(), null, null);
    }

    public Outcome revise(WorkflowDefinition wf, Crew crew, SiteState state, Orchestrator.Trace first, RunListener listener) {
        QualityReport q = state.quality();
        if (!first.ok() || q == null || q.passed()) return Outcome.NOTHING;
        List<StepSpan> spans = new ArrayList<>();
        List<Revision> revisions = new ArrayList<>();
        long wall = 0, critical = 0;
        long offset = first.wallMs();
        int round = 0;
        Crew current = crew;
        boolean escalated = false;
        while (q != null && !q.passed()) {
            Map<String, List<String>> feedback = feedbackByOwner(wf, current, q);
            if (feedback.isEmpty()) {
                revisions.add(new Revision(round + 1, List.of(), null, List.of(), Revision.SKIPPED, q.score(), 0.0, 0,
                        "no step in workflow " + wf.name() + " owns the failures"));
                break;
            }
            boolean spent = round >= maxRounds;
            if (spent || (!rerunDeterministic && allBuiltin(current, wf, feedback.keySet()))) {
                if (escalated) break;
                Crew bigger = escalate(current, wf, feedback.keySet());
                if (bigger == null) {
                    String why = spent ? "revise rounds spent (" + maxRounds + "); no larger model tier configured for "
                            + roles(wf, feedback.keySet())
                            : "owner step(s) " + feedback.keySet() + " run on the built-in engine, which is deterministic: the same "
                            + "inputs give the same page, so a re-run cannot fix it; bind the role to a model to enable revisions";
                    revisions.add(new Revision(round + 1, List.copyOf(feedback.keySet()), models(current, wf, feedback.keySet()),
                            flatten(feedback), Revision.SKIPPED, q.score(), 0.0, 0, why));
                    break;
                }
                current = bigger;
                escalated = true;
            }
            round++;
            WorkflowDefinition sub = downstream(wf, feedback.keySet());
            Orchestrator.Trace t;
            try (var inRound = ai.atelier.telemetry.Telemetry.reviseRound(round)) { // the round's agent spans say which round they are
                t = orchestrator.run(sub, current, state, listener, feedback);
            }
            List<StepSpan> roundSpans = new ArrayList<>();
            for (StepSpan s : t.spans()) roundSpans.add(renamed(s, round, offset));
            spans.addAll(roundSpans);
            offset += t.wallMs();
            wall += t.wallMs();
            critical += CriticalPath.of(sub, t.spans());
            q = state.quality();
            Double cost = 0.0;
            for (StepSpan s : t.spans()) cost = cost == null || s.costUsd() == null ? null : cost + s.costUsd();
            String outcome = !t.ok() ? Revision.STEP_FAILED : q != null && q.passed() ? Revision.PASSED : Revision.FAILING;
            revisions.add(new Revision(round, List.copyOf(feedback.keySet()), models(current, wf, feedback.keySet()), flatten(feedback),
                    outcome, q == null ? null : q.score(), cost, t.wallMs(), escalated ? "escalated to the next model tier" : null));
            if (!t.ok()) return new Outcome(spans, wall, critical, revisions, t.failedStep() + "#r" + round, t.error());
        }
        return new Outcome(spans, wall, critical, revisions, null, null);
    }

    /** Blocking failures as feedback lines, grouped under the step that owns each. */
    static Map<String, List<String>> feedbackByOwner(WorkflowDefinition wf, Crew crew, QualityReport q) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (CheckResult c : q.blockingFailures()) {
            StepDefinition owner = owner(wf, crew, c.name());
            if (owner == null) continue;
            String where = c.locations().isEmpty() ? "" : " — at: " + String.join("; ", c.locations().stream().limit(FEEDBACK_LOCATIONS).toList());
            out.computeIfAbsent(owner.id(), k -> new ArrayList<>()).add(c.name() + ": " + c.details() + where);
        }
        return out;
    }

    /** The step of {@code wf} with the strongest {@link Step.Claim} on a check, the earliest on a tie; null when no step claims it. */
    static StepDefinition owner(WorkflowDefinition wf, Crew crew, String check) {
        StepDefinition owner = null;
        Step.Claim strongest = Step.Claim.NONE;
        for (StepDefinition s : wf.ordered()) {
            Step.Claim claim = crew.step(s).claim(check);
            if (claim.compareTo(strongest) > 0) {
                owner = s;
                strongest = claim;
            }
        }
        return owner;
    }

    /** The owners and every step that depends on them, as a workflow of its own. */
    static WorkflowDefinition downstream(WorkflowDefinition wf, Set<String> owners) {
        Set<String> keep = new LinkedHashSet<>(owners);
        for (StepDefinition s : wf.ordered()) {
            if (s.after().stream().anyMatch(keep::contains)) keep.add(s.id());
        }
        List<StepDefinition> steps = new ArrayList<>();
        for (StepDefinition s : wf.steps()) {
            if (!keep.contains(s.id())) continue;
            steps.add(new StepDefinition(s.id(), s.persona(), s.role(), s.after().stream().filter(keep::contains).toList(), s.timeoutSeconds()));
        }
        return new WorkflowDefinition(wf.name(), wf.description(), wf.stepTimeoutSeconds(), steps);
    }

    private static boolean allBuiltin(Crew crew, WorkflowDefinition wf, Set<String> stepIds) {
        return stepIds.stream().allMatch(id -> "builtin".equals(crew.engines().modelFor(wf.step(id).role())));
    }

    private Crew escalate(Crew crew, WorkflowDefinition wf, Set<String> stepIds) {
        Engines engines = crew.engines();
        boolean any = false;
        for (String id : stepIds) {
            var bigger = promotion.promote(wf.step(id).role(), engines);
            if (bigger.isPresent()) {
                engines = bigger.get();
                any = true;
            }
        }
        return any ? crew.with(engines) : null;
    }

    private static String models(Crew crew, WorkflowDefinition wf, Set<String> stepIds) {
        return String.join(", ", stepIds.stream().map(id -> crew.engines().modelFor(wf.step(id).role())).distinct().toList());
    }

    private static String roles(WorkflowDefinition wf, Set<String> stepIds) {
        return String.join(", ", stepIds.stream().map(id -> wf.step(id).role()).distinct().toList());
    }

    private static List<String> flatten(Map<String, List<String>> feedback) {
        List<String> out = new ArrayList<>();
        feedback.forEach((step, lines) -> lines.forEach(l -> out.add(step + " ← " + l)));
        return out;
    }

    private static StepSpan renamed(StepSpan s, int round, long offset) {
        return s.toBuilder().id(s.id() + "#r" + round).startMs(s.startMs() + offset).build();
    }
}
