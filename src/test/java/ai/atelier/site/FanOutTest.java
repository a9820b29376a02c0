package ai.atelier.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.atelier.model.CallMeter;
import ai.atelier.model.TokenCounter;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A step's fan-out on the pool the step itself runs on: with one thread, blocking on futures
 * queued behind the step would never end; {@link PersonaContext#fanOut} runs them itself.
 */
class FanOutTest {
    @Test
    @Timeout(value = 20, unit = TimeUnit.SECONDS)
    void aStepOnTheOnlyThreadOfItsPoolFinishesItsFanOut() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(1);
        try {
            PersonaContext ctx = new PersonaContext("artist", "builtin", new CallMeter(System.nanoTime()), pool, new Prompts(),
                    new TokenCounter(), List.of());
            List<Callable<String>> draws = List.of(() -> "hero", () -> "pain-1", () -> "pain-2", () -> "offering-1");
            Future<List<String>> step = pool.submit(() -> ctx.fanOut(draws));
            assertThat(step.get(15, TimeUnit.SECONDS)).containsExactly("hero", "pain-1", "pain-2", "offering-1");

            Future<List<String>> failing = pool.submit(() -> ctx.fanOut(List.<Callable<String>>of(() -> "ok", () -> {
                throw new IllegalStateException("cannot draw pain-2");
            })));
            assertThatThrownBy(() -> failing.get(15, TimeUnit.SECONDS)).hasRootCauseMessage("cannot draw pain-2");
        } finally {
            pool.shutdownNow();
        }
    }
}
