package ai.atelier.model;

import java.util.List;

/**
 * A {@link ModelClient} made of interceptors in front of a provider: the first interceptor sees the
 * call first. Typical order: budget guard, cache, metering, retry, concurrency limit, provider.
 * Each interceptor is held to its {@link Interceptor.Proceeds} contract.
 */
public final class ChatPipeline implements ModelClient {
    private final List<Interceptor> interceptors;
    private final ModelClient provider;

    public ChatPipeline(List<Interceptor> interceptors, ModelClient provider) {
        this.interceptors = List.copyOf(interceptors);
        this.provider = provider;
    }

    @Override
    public ChatResponse chat(ChatRequest request) {
        return new RealChain(0, request).proceed(request);
    }

    /**
     * The rest of the pipeline as one interceptor sees it. Like OkHttp's {@code RealInterceptorChain}
     * it counts the interceptor's {@link #proceed} calls and checks them against the interceptor's
     * {@link Interceptor.Proceeds} contract, and checks that a response came back, failing with an
     * error that names the interceptor.
     */
    private final class RealChain implements Interceptor.Chain {
        private final int index;
        private final ChatRequest request;
        private int calls; // proceed calls made through this chain (by the interceptor at index - 1)
        private boolean inFlight;

        RealChain(int index, ChatRequest request) {
            this.index = index;
            this.request = request;
        }

        @Override
        public ChatRequest request() {
            return request;
        }

        @Override
        public ChatResponse proceed(ChatRequest next) {
            if (index > 0) {
                Interceptor caller = interceptors.get(index - 1);
                synchronized (this) {
                    if (inFlight) throw broken(caller, "called proceed() again while its first call was still running");
                    if (calls > 0 && caller.proceeds() != Interceptor.Proceeds.REPEATEDLY) {
                        throw broken(caller, "called proceed() more than once; only a retrying interceptor (Proceeds.REPEATEDLY) may");
                    }
                    calls++;
                    inFlight = true;
                }
            }
            try {
                if (index == interceptors.size()) return provider.chat(next);
                Interceptor interceptor = interceptors.get(index);
                RealChain rest = new RealChain(index + 1, next);
                ChatResponse response = interceptor.intercept(rest);
                if (response == null) throw broken(interceptor, "returned no response (null)");
                if (rest.calls == 0 && interceptor.proceeds() == Interceptor.Proceeds.ONCE) {
                    throw broken(interceptor, "returned a response without calling proceed(); an interceptor that answers by itself "
                            + "declares Proceeds.AT_MOST_ONCE");
                }
                return response;
            } finally {
                if (index > 0) {
                    synchronized (this) {
                        inFlight = false;
                    }
                }
            }
        }
    }

    private static IllegalStateException broken(Interceptor i, String what) {
        String name = i.getClass().getSimpleName().isEmpty() ? i.getClass().getName() : i.getClass().getSimpleName();
        return new IllegalStateException("model interceptor " + name + " " + what);
    }
}
