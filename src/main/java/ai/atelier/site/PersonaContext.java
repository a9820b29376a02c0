package ai.atelier.site;

import ai.atelier.model.CallMeter;
import ai.atelier.model.TokenCounter;
import ai.atelier.telemetry.Telemetry;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.FutureTask;
import java.util.concurrent.RejectedExecutionException;

/**
 * What a persona may use during one step: its role name, the model it is bound to (the built-in
 * engine when none), the meter that records its calls, an executor for fan-out, the prompt
 * library, a tokenizer, and QA's feedback when the step runs again to revise its work (empty on a
 * first attempt), and the run's telemetry (model pipelines add their chat spans through it).
 * Handed in by the orchestrator; personas hold no other state. Fan out with {@link #fanOut}, never
 * by blocking on futures of {@code executor}: it is the bounded pool the step itself runs on.
 */
public record PersonaContext(String role, String model, CallMeter meter, ExecutorService executor,
                             Prompts prompts, TokenCounter tokens, List<String> feedback, Telemetry telemetry) {
    public PersonaContext {
        feedback = feedback == null ? List.of() : List.copyOf(feedback);
        telemetry = telemetry == null ? Telemetry.off() : telemetry;
    }

    /** A context with telemetry off. */
    public PersonaContext(String role, String model, CallMeter meter, ExecutorService executor, Prompts prompts, TokenCounter tokens,
                          List<String> feedback) {
        this(role, model, meter, executor, prompts, tokens, feedback, Telemetry.off());
    }

    /**
     * Runs {@code tasks} side by side on the step pool and returns their results in order. The
     * calling step does not just wait: it runs every task no pool thread has taken yet itself, so
     * the fan-out finishes on a pool of any size, one thread included, and a step never blocks a
     * worker on work queued behind it on its own pool. The first failure cancels the rest and is
     * thrown (its cause, when it is an exception).
     */
    public <T> List<T> fanOut(List<? extends Callable<T>> tasks) throws Exception {
        List<FutureTask<T>> jobs = new ArrayList<>(tasks.size());
        for (Callable<T> task : tasks) {
            FutureTask<T> job = new FutureTask<>(task);
            jobs.add(job);
            try {
                executor.execute(job);
            } catch (RejectedExecutionException e) {
                // the pool is shutting down or full: this thread runs it below
            }
        }
        try {
            List<T> out = new ArrayList<>(jobs.size());
            for (FutureTask<T> job : jobs) {
                job.run(); // a no-op when a pool thread has started (or finished) it already
                out.add(job.get());
            }
            return out;
        } catch (ExecutionException e) {
            jobs.forEach(j -> j.cancel(true));
            throw e.getCause() instanceof Exception ex ? ex : e;
        } catch (InterruptedException e) {
            jobs.forEach(j -> j.cancel(true));
            throw e;
        }
    }

    /** The same context for a revision round with QA's feedback. */
    public PersonaContext withFeedback(List<String> qaFeedback) {
        return new PersonaContext(role, model, meter, executor, prompts, tokens, qaFeedback, telemetry);
    }
}
