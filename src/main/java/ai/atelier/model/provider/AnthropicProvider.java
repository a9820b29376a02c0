package ai.atelier.model.provider;

import ai.atelier.model.ModelClient;
import ai.atelier.model.ModelSpec;
import dev.langchain4j.model.anthropic.AnthropicChatModel;

/**
 * Anthropic's Messages API (x-api-key and anthropic-version headers). Structured output is a
 * required tool whose input schema is the persona's output schema. The system prompt is the part
 * of every prompt that is the same for all visitors of a company (instructions, offerings, guidelines,
 * policies), so it is marked as a prompt-cache breakpoint ({@code cache_control: ephemeral}, through
 * LangChain4j's {@code cacheSystemMessages}); the tool definitions before it fall in the cached prefix.
 * Cache reads and writes come back in the usage and are priced at their own rates.
 */
final class AnthropicProvider implements ModelProvider {
    @Override
    public String keyword() {
        return "anthropic";
    }

    @Override
    public ModelClient chat(ModelSpec spec, Credentials credentials) {
        Lazy<ModelClient> client = new Lazy<>(() -> {
            AnthropicChatModel model = AnthropicChatModel.builder()
                    .httpClientBuilder(OpenAiProvider.http(spec))
                    .baseUrl(spec.baseUrl() != null ? spec.baseUrl() : "https://api.anthropic.com/v1/")
                    .apiKey(credentials.apiKey(spec))
                    .modelName(spec.modelId())
                    .maxTokens(spec.maxOutputTokens())
                    .timeout(spec.timeout())
                    .maxRetries(0)
                    .cacheSystemMessages(true)
                    .build();
            return new LangChainChat(model, spec.name(), spec.structuredOutput() == ModelSpec.StructuredOutput.PROMPT
                    ? LangChainChat.SchemaMode.PROMPT : LangChainChat.SchemaMode.TOOL);
        });
        return request -> client.get().chat(request);
    }

    @Override
    public String credentialStatus(ModelSpec spec, Credentials credentials) {
        return credentials.status(spec);
    }
}
