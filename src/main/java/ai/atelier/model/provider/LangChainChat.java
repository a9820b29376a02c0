package ai.atelier.model.provider;

import ai.atelier.model.ChatRequest;
import ai.atelier.model.ChatResponse;
import ai.atelier.model.ModelClient;
import ai.atelier.model.ModelException;
import ai.atelier.model.TokenCounter;
import ai.atelier.model.TokenUsage;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.anthropic.AnthropicTokenUsage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequestParameters;
import dev.langchain4j.model.chat.request.ResponseFormat;
import dev.langchain4j.model.chat.request.ResponseFormatType;
import dev.langchain4j.model.chat.request.ToolChoice;
import dev.langchain4j.model.chat.request.json.JsonRawSchema;
import dev.langchain4j.model.chat.request.json.JsonSchema;
import dev.langchain4j.model.openai.OpenAiTokenUsage;
import dev.langchain4j.model.output.FinishReason;
import java.util.Locale;

/**
 * Adapts a LangChain4j {@link ChatModel} to Atelier's {@link ModelClient}: system and user
 * messages in; the answer, the provider's usage (cached tokens included) and the finish reason out.
 * A JSON schema is passed the provider's native way: as a response format (OpenAI json_schema,
 * Ollama format) or as a required tool whose input is the answer (Anthropic, Bedrock); or only through the
 * prompt for servers without either. Failures become {@link ModelException}s.
 */
final class LangChainChat implements ModelClient {
    /** How a schema reaches the provider. STRICT_FORMAT: OpenAI's json_schema with strict: true, in the subset strict mode takes. */
    enum SchemaMode { RESPONSE_FORMAT, STRICT_FORMAT, TOOL, PROMPT }

    static final String TOOL_NAME = "submit_answer";
    private final ChatModel model;
    private final String name;
    private final SchemaMode mode;
    private final boolean officialOpenAi;
    private final TokenCounter tokens = new TokenCounter();

    /** A chat over an Ollama-style server: the schema goes in the response format unless the config asks for the prompt. */
    static LangChainChat forResponseFormat(ChatModel model, ai.atelier.model.ModelSpec spec) {
        return new LangChainChat(model, spec.name(), spec.structuredOutput() == ai.atelier.model.ModelSpec.StructuredOutput.PROMPT
                ? SchemaMode.PROMPT : SchemaMode.RESPONSE_FORMAT);
    }

    /**
     * A chat over an OpenAI-compatible server: strict json_schema unless the config asks for the
     * prompt. On api.openai.com the schema is cut to strict mode's subset; other servers (vLLM,
     * llama.cpp, LM Studio) get every keyword, since their grammars enforce string lengths too.
     */
    static LangChainChat forStrictFormat(ChatModel model, ai.atelier.model.ModelSpec spec) {
        return new LangChainChat(model, spec.name(), spec.structuredOutput() == ai.atelier.model.ModelSpec.StructuredOutput.PROMPT
                ? SchemaMode.PROMPT : SchemaMode.STRICT_FORMAT, officialOpenAi(spec.baseUrl()));
    }

    LangChainChat(ChatModel model, String name, SchemaMode mode) {
        this(model, name, mode, false);
    }

    LangChainChat(ChatModel model, String name, SchemaMode mode, boolean officialOpenAi) {
        this.model = model;
        this.name = name;
        this.mode = mode;
        this.officialOpenAi = officialOpenAi;
    }

    static boolean officialOpenAi(String baseUrl) {
        if (baseUrl == null) return true;
        String host = java.net.URI.create(baseUrl).getHost();
        return host != null && (host.equals("api.openai.com") || host.endsWith(".openai.azure.com"));
    }

    @Override
    public ChatResponse chat(ChatRequest r) {
        var p = ChatRequestParameters.builder().maxOutputTokens(r.maxOutputTokens());
        String user = r.user();
        if (r.wantsJson()) {
            switch (mode) {
                case RESPONSE_FORMAT -> p.responseFormat(ResponseFormat.builder().type(ResponseFormatType.JSON)
                        .jsonSchema(JsonSchema.builder().name(schemaName(r)).rootElement(JsonRawSchema.from(r.jsonSchema())).build()).build());
                case STRICT_FORMAT -> p.responseFormat(ResponseFormat.builder().type(ResponseFormatType.JSON)
                        .jsonSchema(JsonSchema.builder().name(schemaName(r))
                                .rootElement(JsonRawSchema.from(SchemaElements.strict(r.jsonSchema(), officialOpenAi))).build()).build());
                case TOOL -> p.toolSpecifications(ToolSpecification.builder().name(TOOL_NAME)
                                .description("Submit your answer. Its input must be the complete answer object.")
                                .parameters(SchemaElements.root(r.jsonSchema())).build())
                        .toolChoice(ToolChoice.REQUIRED);
                case PROMPT -> user = user + "\n\nAnswer with one JSON object only, no prose, matching this JSON Schema:\n" + r.jsonSchema();
            }
        }
        dev.langchain4j.model.chat.request.ChatRequest req = dev.langchain4j.model.chat.request.ChatRequest.builder()
                .messages(SystemMessage.from(r.system()), UserMessage.from(user))
                .parameters(p.build()).build();
        dev.langchain4j.model.chat.response.ChatResponse resp;
        try {
            resp = model.chat(req);
        } catch (RuntimeException e) {
            throw Failures.translate(name, e);
        }
        AiMessage ai = resp.aiMessage();
        String text = ai.hasToolExecutionRequests() ? ai.toolExecutionRequests().get(0).arguments() : ai.text();
        FinishReason fr = resp.finishReason();
        if (fr == FinishReason.CONTENT_FILTER) {
            throw new ModelException(ModelException.Kind.REFUSED, "model " + name + " stopped: its content filter blocked the answer");
        }
        if (mode == SchemaMode.TOOL && r.wantsJson() && !ai.hasToolExecutionRequests() && fr == FinishReason.OTHER) {
            // Anthropic's "refusal" stop reason arrives as OTHER, with no answer tool call.
            throw new ModelException(ModelException.Kind.REFUSED, "model " + name + " declined to answer (stop reason other than end_turn/tool_use)");
        }
        if (text == null) text = "";
        return new ChatResponse(text, usage(resp, r, text), resp.modelName() != null ? resp.modelName() : name,
                fr == null ? "unknown" : fr.name().toLowerCase(Locale.ROOT));
    }

    private TokenUsage usage(dev.langchain4j.model.chat.response.ChatResponse resp, ChatRequest r, String text) {
        dev.langchain4j.model.output.TokenUsage u = resp.tokenUsage();
        if (u == null || u.inputTokenCount() == null || u.outputTokenCount() == null) {
            return tokens.estimate(r.system() + "\n\n" + r.user(), text);
        }
        long in = u.inputTokenCount();
        long cached = 0;
        long written = 0;
        if (u instanceof OpenAiTokenUsage o && o.inputTokensDetails() != null && o.inputTokensDetails().cachedTokens() != null) {
            // OpenAI's prompt_tokens already include the cached ones; it reports no cache writes.
            cached = o.inputTokensDetails().cachedTokens();
        } else if (u instanceof dev.langchain4j.model.bedrock.BedrockTokenUsage b) {
            // Bedrock Converse, like Anthropic, reports cache reads and writes apart from inputTokens.
            cached = orZero(b.cacheReadInputTokens());
            written = orZero(b.cacheWriteInputTokens());
            in += cached + written;
        } else if (u instanceof AnthropicTokenUsage a) {
            // Anthropic's input_tokens leave out cache_read_input_tokens and cache_creation_input_tokens; Atelier's input includes them.
            cached = orZero(a.cacheReadInputTokens());
            written = orZero(a.cacheCreationInputTokens());
            in += cached + written;
        }
        return new TokenUsage(in, u.outputTokenCount(), cached, written, false);
    }

    private static long orZero(Integer i) {
        return i == null ? 0 : i;
    }

    private static String schemaName(ChatRequest r) {
        String n = (r.role() == null ? "answer" : r.role()).replaceAll("[^A-Za-z0-9_-]", "_");
        return n.isEmpty() ? "answer" : n;
    }
}
