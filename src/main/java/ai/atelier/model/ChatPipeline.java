package ai.atelier.model;

import java.util.List;

/**
 * A {@link ModelClient} made of interceptors in front of a provider: the first interceptor sees the
 * call first. Typical order: budget guard, cache, metering, retry, concurrency limit, provider.
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

    private final class RealChain implements Interceptor.Chain {
        private final int index;
        private final ChatRequest request;

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
            if (index == interceptors.size()) return provider.chat(next);
            return interceptors.get(index).intercept(new RealChain(index + 1, next));
        }
    }
}
