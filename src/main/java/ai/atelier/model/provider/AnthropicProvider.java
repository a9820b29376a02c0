package ai.atelier.model.provider;

import ai.atelier.model.ModelClient;
import ai.atelier.model.ModelSpec;
import dev.langchain4j.model.anthropic.AnthropicChatModel;

/**
 * Anthropic's Messages API (x-api-key and anthropic-version headers). Structured output is a
 * required tool whose input schema is the persona's output schema.
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
