package ai.atelier.telemetry;

import static io.opentelemetry.api.common.AttributeKey.booleanKey;
import static io.opentelemetry.api.common.AttributeKey.doubleKey;
import static io.opentelemetry.api.common.AttributeKey.longKey;
import static io.opentelemetry.api.common.AttributeKey.stringArrayKey;
import static io.opentelemetry.api.common.AttributeKey.stringKey;

import io.opentelemetry.api.common.AttributeKey;
import java.util.List;

/**
 * The attribute names Atelier emits: the OpenTelemetry GenAI semantic conventions' (as of
 * semantic-conventions 1.41, the release the Java {@code opentelemetry-semconv-incubating}
 * 1.41.0-alpha constants come from; {@code GenAiNamesTest} checks they match) and Atelier's own,
 * all under {@code atelier.}. Kept here rather than taken from the incubating artifact, which is
 * alpha and meant to be copied, not depended on at run time.
 */
final class GenAi {
    private GenAi() {}

    // --- GenAI semantic conventions
    static final AttributeKey<String> OPERATION_NAME = stringKey("gen_ai.operation.name");
    static final AttributeKey<String> PROVIDER_NAME = stringKey("gen_ai.provider.name");
    static final AttributeKey<String> REQUEST_MODEL = stringKey("gen_ai.request.model");
    static final AttributeKey<String> RESPONSE_MODEL = stringKey("gen_ai.response.model");
    static final AttributeKey<Long> REQUEST_MAX_TOKENS = longKey("gen_ai.request.max_tokens");
    static final AttributeKey<Double> REQUEST_TEMPERATURE = doubleKey("gen_ai.request.temperature");
    static final AttributeKey<List<String>> RESPONSE_FINISH_REASONS = stringArrayKey("gen_ai.response.finish_reasons");
    static final AttributeKey<Long> USAGE_INPUT_TOKENS = longKey("gen_ai.usage.input_tokens");
    static final AttributeKey<Long> USAGE_OUTPUT_TOKENS = longKey("gen_ai.usage.output_tokens");
    static final AttributeKey<Long> USAGE_CACHE_READ_INPUT_TOKENS = longKey("gen_ai.usage.cache_read.input_tokens");
    static final AttributeKey<String> OUTPUT_TYPE = stringKey("gen_ai.output.type");
    static final AttributeKey<String> AGENT_NAME = stringKey("gen_ai.agent.name");
    static final AttributeKey<String> WORKFLOW_NAME = stringKey("gen_ai.workflow.name");
    static final AttributeKey<String> DATA_SOURCE_ID = stringKey("gen_ai.data_source.id");
    static final AttributeKey<String> RETRIEVAL_QUERY_TEXT = stringKey("gen_ai.retrieval.query.text");
    static final AttributeKey<String> TOKEN_TYPE = stringKey("gen_ai.token.type");
    /** Opt-in message content (newer conventions; JSON text of the structured form). */
    static final AttributeKey<String> SYSTEM_INSTRUCTIONS = stringKey("gen_ai.system_instructions");
    static final AttributeKey<String> INPUT_MESSAGES = stringKey("gen_ai.input.messages");
    static final AttributeKey<String> OUTPUT_MESSAGES = stringKey("gen_ai.output.messages");
    static final AttributeKey<String> SERVER_ADDRESS = stringKey("server.address");
    static final AttributeKey<Long> SERVER_PORT = longKey("server.port");
    static final AttributeKey<String> ERROR_TYPE = stringKey("error.type");

    static final String CHAT = "chat";
    /** The conventions' operation for a call that makes content other than chat text: here, a picture. */
    static final String GENERATE_CONTENT = "generate_content";
    static final String INVOKE_AGENT = "invoke_agent";
    static final String INVOKE_WORKFLOW = "invoke_workflow";
    static final String RETRIEVAL = "retrieval";

    // --- Atelier's own
    static final AttributeKey<String> SITE_ID = stringKey("atelier.site.id");
    static final AttributeKey<String> SITE_STATUS = stringKey("atelier.site.status");
    static final AttributeKey<String> COMPANY = stringKey("atelier.company");
    static final AttributeKey<String> FAILED_STEP = stringKey("atelier.site.failed_step");
    static final AttributeKey<Long> QUALITY_SCORE = longKey("atelier.quality.score");
    static final AttributeKey<Boolean> QUALITY_PASSED = booleanKey("atelier.quality.passed");
    static final AttributeKey<Long> REVISE_ROUNDS = longKey("atelier.revise.rounds");
    static final AttributeKey<String> STEP_ID = stringKey("atelier.step.id");
    static final AttributeKey<String> ROLE = stringKey("atelier.role");
    static final AttributeKey<String> MODEL = stringKey("atelier.model");
    static final AttributeKey<String> PROVIDER = stringKey("atelier.provider");
    static final AttributeKey<String> STEP_STATUS = stringKey("atelier.step.status");
    static final AttributeKey<Long> STEP_ATTEMPTS = longKey("atelier.step.attempts");
    static final AttributeKey<Long> REVISE_ROUND = longKey("atelier.revise.round");
    static final AttributeKey<Long> MODEL_CALLS = longKey("atelier.model_calls");
    static final AttributeKey<Long> CARRIED_TOKENS = longKey("atelier.carried_tokens");
    static final AttributeKey<Long> ORCHESTRATION_MS = longKey("atelier.orchestration_ms");
    static final AttributeKey<Double> COST_USD = doubleKey("atelier.cost.usd");
    static final AttributeKey<Boolean> COST_UNKNOWN = booleanKey("atelier.cost.unknown");
    static final AttributeKey<Boolean> TOKENS_ESTIMATED = booleanKey("atelier.tokens.estimated");
    static final AttributeKey<String> PURPOSE = stringKey("atelier.call.purpose");
    static final AttributeKey<Long> ATTEMPT = longKey("atelier.call.attempt");
    static final AttributeKey<Long> RETRIES = longKey("atelier.retries");
    static final AttributeKey<Boolean> REPAIR = booleanKey("atelier.structured_output.repair");
    static final AttributeKey<Boolean> ESCALATED = booleanKey("atelier.escalated");
    static final AttributeKey<String> CALL_STATUS = stringKey("atelier.call.status");
    static final AttributeKey<Boolean> RECORDED = booleanKey("atelier.span.recorded");
    static final AttributeKey<Long> RETRIEVAL_K = longKey("atelier.retrieval.top_k");
    static final AttributeKey<Long> RETRIEVAL_RESULTS = longKey("atelier.retrieval.results");
    static final AttributeKey<String> CHECK_NAME = stringKey("atelier.qa.check");
    static final AttributeKey<String> CHECK_STATUS = stringKey("atelier.qa.status");
    static final AttributeKey<Boolean> CHECK_PASSED = booleanKey("atelier.qa.passed");
    static final AttributeKey<String> CHECK_SEVERITY = stringKey("atelier.qa.severity");
    static final AttributeKey<String> CHECK_DETAILS = stringKey("atelier.qa.details");
    static final AttributeKey<Long> RETRY_ATTEMPT = longKey("atelier.retry.attempt");
    static final AttributeKey<Long> RETRY_WAIT_MS = longKey("atelier.retry.wait_ms");
    static final AttributeKey<String> IMAGE_SIZE = stringKey("atelier.image.size");
    static final AttributeKey<String> IMAGE_QUALITY = stringKey("atelier.image.quality");
    static final AttributeKey<String> IMAGE_MEDIA_TYPE = stringKey("atelier.image.media_type");
    static final AttributeKey<Long> IMAGE_BYTES = longKey("atelier.image.bytes");

    /** The convention's provider name for a config's provider keyword (an OpenAI-compatible server is "openai", as the conventions say). */
    static String providerName(String keyword) {
        if (keyword == null) return "_OTHER";
        return switch (keyword) {
            case "openai" -> "openai";
            case "anthropic" -> "anthropic";
            case "bedrock" -> "aws.bedrock";
            case "ollama" -> "ollama";
            case "llamacpp-embedded" -> "llama.cpp";
            default -> keyword;
        };
    }
}
