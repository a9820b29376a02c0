package ai.atelier.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Each interceptor alone, in front of a scripted provider (a plain lambda, not a mock library). */
class InterceptorsTest {
    private final ChatRequest req = TestSpecs.json(null);
    private final TokenUsage usage = new TokenUsage(1000, 200, 0, false);
    private final CatalogEntry mini = ModelCatalog.bundled().find("gpt-4o-mini").orElseThrow();

    private ChatResponse ok() {
        return new ChatResponse("hi", usage, "m", "stop");
    }

    @Test
    void meteringRecordsProviderUsageAndCatalogCost() {
        CallMeter meter = new CallMeter(System.nanoTime());
        new ChatPipeline(List.of(new Metering("small", "openai", mini, meter)), r -> ok()).chat(req);
        ModelCall c = meter.calls().get(0);
        assertThat(c.usage()).isEqualTo(usage);
        assertThat(c.costUsd()).isEqualTo(0.00027); // 1000*0.15e-6 + 200*0.6e-6
        assertThat(c.model()).isEqualTo("small");
        assertThat(c.status()).isEqualTo("ok");
    }

    @Test
    void meteringWithoutPriceReportsUnknown() {
        CallMeter meter = new CallMeter(System.nanoTime());
        new ChatPipeline(List.of(new Metering("x", "openai", null, meter)), r -> ok()).chat(req);
        assertThat(meter.calls().get(0).costUsd()).isNull();
        assertThat(meter.costUsd()).isNull();
    }

    @Test
    void budgetGuardRefusesOnceSpentAndSaysHowToFix() {
        CostLedger ledger = new CostLedger();
        CallMeter meter = new CallMeter(System.nanoTime(), ledger);
        ModelClient c = new ChatPipeline(List.of(new BudgetGuard(0.0005, ledger), new Metering("small", "openai", mini, meter)), r -> ok());
        c.chat(req);
        c.chat(req); // 0.00054 spent now
        assertThatThrownBy(() -> c.chat(req)).isInstanceOf(ModelException.class)
                .hasMessageContaining("budget of $0.000500 is spent ($0.000540 so far)").hasMessageContaining("budget.perSiteUsd")
                .satisfies(e -> assertThat(((ModelException) e).kind()).isEqualTo(ModelException.Kind.BUDGET_EXHAUSTED));
        assertThat(meter.calls()).hasSize(2);
    }

    @Test
    void cacheAnswersRepeatsWithoutCallingTheProvider() {
        AtomicInteger calls = new AtomicInteger();
        ResponseCache cache = new ResponseCache("m");
        ModelClient c = new ChatPipeline(List.of(cache), r -> { calls.incrementAndGet(); return ok(); });
        c.chat(req);
        c.chat(req);
        c.chat(req.withUser("something else"));
        assertThat(calls.get()).isEqualTo(2);
        assertThat(cache.size()).isEqualTo(2);
    }

    @Test
    void retryHonoursRetryAfterThenSucceedsAndLogsEachFailedAttempt() {
        List<Duration> slept = new ArrayList<>();
        Backoff backoff = new Backoff(3, Duration.ofMillis(100), Duration.ofSeconds(10), () -> 0.5, slept::add);
        List<String> log = new ArrayList<>();
        AtomicInteger n = new AtomicInteger();
        ModelClient c = new ChatPipeline(List.of(new RetryInterceptor(backoff, (r, a, e, w) -> log.add(a + ":" + e.httpStatus() + ":" + w.toMillis()))), r -> {
            return switch (n.incrementAndGet()) {
                case 1 -> throw new ModelException(ModelException.Kind.RATE_LIMITED, "429", 429, Duration.ofMillis(1500), null);
                case 2 -> throw new ModelException(ModelException.Kind.SERVER_ERROR, "500", 500, null, null);
                default -> ok();
            };
        });
        assertThat(c.chat(req).text()).isEqualTo("hi");
        // Retry-After 1.5 s honoured; then exponential: ceiling 200 ms, half plus jitter 0.5 of half = 150 ms.
        assertThat(slept).containsExactly(Duration.ofMillis(1500), Duration.ofMillis(150));
        assertThat(log).containsExactly("1:429:1500", "2:500:150");
    }

    @Test
    void noRetryOnBadRequestOrAuth() {
        for (ModelException.Kind k : List.of(ModelException.Kind.BAD_REQUEST, ModelException.Kind.AUTH)) {
            AtomicInteger n = new AtomicInteger();
            Backoff backoff = new Backoff(3, Duration.ofMillis(1), Duration.ofMillis(5), () -> 0, d -> {});
            ModelClient c = new ChatPipeline(List.of(new RetryInterceptor(backoff, (r, a, e, w) -> {})), r -> {
                n.incrementAndGet();
                throw new ModelException(k, "no", k == ModelException.Kind.AUTH ? 401 : 400, null, null);
            });
            assertThatThrownBy(() -> c.chat(req)).isInstanceOf(ModelException.class);
            assertThat(n.get()).isEqualTo(1);
        }
    }

    @Test
    void retriesStopAfterMaxRetries() {
        AtomicInteger n = new AtomicInteger();
        Backoff backoff = new Backoff(2, Duration.ofMillis(1), Duration.ofMillis(5), () -> 0, d -> {});
        ModelClient c = new ChatPipeline(List.of(new RetryInterceptor(backoff, (r, a, e, w) -> {})), r -> {
            n.incrementAndGet();
            throw new ModelException(ModelException.Kind.SERVER_ERROR, "500", 500, null, null);
        });
        assertThatThrownBy(() -> c.chat(req)).hasMessage("500");
        assertThat(n.get()).isEqualTo(3);
    }

    @Test
    void concurrencyLimitCapsCallsInFlight() throws Exception {
        ConcurrencyLimit limit = new ConcurrencyLimit("m", 2, Duration.ofSeconds(10));
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger peak = new AtomicInteger();
        CountDownLatch release = new CountDownLatch(1);
        ModelClient c = new ChatPipeline(List.of(limit), r -> {
            peak.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            try {
                release.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            inFlight.decrementAndGet();
            return ok();
        });
        ExecutorService pool = Executors.newFixedThreadPool(5);
        List<Future<ChatResponse>> fs = new ArrayList<>();
        for (int i = 0; i < 5; i++) fs.add(pool.submit(() -> c.chat(req)));
        Thread.sleep(200);
        assertThat(limit.available()).isZero();
        release.countDown();
        for (Future<ChatResponse> f : fs) f.get(5, TimeUnit.SECONDS);
        pool.shutdown();
        assertThat(peak.get()).isEqualTo(2);
    }

    @Test
    void escalationTriesTheNextTierButNotOnBudget() {
        CallMeter meter = new CallMeter(System.nanoTime());
        ModelClient small = new ChatPipeline(List.of(new Metering("small", "openai", mini, meter)),
                r -> { throw new ModelException(ModelException.Kind.SERVER_ERROR, "down", 500, null, null); });
        ModelClient large = new ChatPipeline(List.of(new Metering("large", "openai", mini, meter)), r -> ok());
        ChatResponse r = new ChatPipeline(List.of(new Escalation(List.of(large))), small).chat(req);
        assertThat(r.text()).isEqualTo("hi");
        assertThat(meter.calls()).extracting(ModelCall::model, ModelCall::attempt, ModelCall::status)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("small", 1, "error: server_error"), org.assertj.core.groups.Tuple.tuple("large", 2, "ok"));

        ModelClient broke = r2 -> { throw new ModelException(ModelException.Kind.BUDGET_EXHAUSTED, "spent"); };
        AtomicInteger largeCalls = new AtomicInteger();
        assertThatThrownBy(() -> new ChatPipeline(List.of(new Escalation(List.of(x -> { largeCalls.incrementAndGet(); return ok(); }))), broke).chat(req))
                .hasMessage("spent");
        assertThat(largeCalls.get()).isZero();
    }

    /** Sends every call twice: the chain refuses the second send, naming it. */
    static final class SendsTwice implements Interceptor {
        @Override
        public ChatResponse intercept(Chain chain) {
            chain.proceed(chain.request());
            return chain.proceed(chain.request());
        }
    }

    /** Forgets to return what it got. */
    static final class ReturnsNull implements Interceptor {
        @Override
        public ChatResponse intercept(Chain chain) {
            chain.proceed(chain.request());
            return null;
        }
    }

    /** Answers by itself but does not say so. */
    static final class AnswersUndeclared implements Interceptor {
        @Override
        public ChatResponse intercept(Chain chain) {
            return new ChatResponse("made up", TokenUsage.NONE, "m", "stop");
        }
    }

    @Test
    void theChainHoldsEachInterceptorToOneProceedAndAResponseNamingTheOneThatBrokeIt() {
        AtomicInteger sent = new AtomicInteger();
        ModelClient provider = r -> { sent.incrementAndGet(); return ok(); };
        assertThatThrownBy(() -> new ChatPipeline(List.of(new SendsTwice()), provider).chat(req))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("SendsTwice").hasMessageContaining("more than once");
        assertThat(sent.get()).as("the second send never reached the provider").isEqualTo(1);
        assertThatThrownBy(() -> new ChatPipeline(List.of(new ReturnsNull()), provider).chat(req))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("ReturnsNull").hasMessageContaining("no response");
        assertThatThrownBy(() -> new ChatPipeline(List.of(new AnswersUndeclared()), provider).chat(req))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("AnswersUndeclared").hasMessageContaining("without calling proceed");
        // the second interceptor in a chain is checked too
        assertThatThrownBy(() -> new ChatPipeline(List.of(new ResponseCache("m"), new SendsTwice()), provider).chat(req))
                .hasMessageContaining("SendsTwice");
    }

    @Test
    void declaredContractsPassTheCheck() {
        // a cache hit answers without proceeding; a retry proceeds again after a failure; a guard refuses by throwing
        ResponseCache cache = new ResponseCache("m");
        AtomicInteger n = new AtomicInteger();
        Backoff backoff = new Backoff(3, Duration.ofMillis(1), Duration.ofSeconds(1), () -> 0, d -> {});
        ModelClient c = new ChatPipeline(List.of(cache, new RetryInterceptor(backoff, (r, a, e, w) -> {})), r -> {
            if (n.incrementAndGet() == 1) throw new ModelException(ModelException.Kind.SERVER_ERROR, "500", 500, null, null);
            return ok();
        });
        assertThat(c.chat(req).text()).isEqualTo("hi");
        assertThat(c.chat(req).text()).isEqualTo("hi");
        assertThat(n.get()).isEqualTo(2);
        CostLedger spent = new CostLedger();
        spent.add(new ModelCall("r", "m", "openai", "copy", 0, 1, usage, 1.0, 1, "ok"));
        assertThatThrownBy(() -> new ChatPipeline(List.of(new BudgetGuard(0.5, spent)), r -> ok()).chat(req))
                .isInstanceOf(ModelException.class);
    }
}
