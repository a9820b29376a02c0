package ai.atelier.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.semconv.ErrorAttributes;
import io.opentelemetry.semconv.ServerAttributes;
import io.opentelemetry.semconv.incubating.GenAiIncubatingAttributes;
import io.opentelemetry.semconv.incubating.GenAiIncubatingAttributes.GenAiOperationNameIncubatingValues;
import io.opentelemetry.semconv.incubating.GenAiIncubatingAttributes.GenAiProviderNameIncubatingValues;
import org.junit.jupiter.api.Test;

/** Atelier's copies of the GenAI attribute names are the semantic conventions' (opentelemetry-semconv-incubating 1.41.0-alpha). */
class GenAiNamesTest {
    @Test
    void attributeNamesMatchTheConventions() {
        assertThat(GenAi.OPERATION_NAME).isEqualTo(GenAiIncubatingAttributes.GEN_AI_OPERATION_NAME);
        assertThat(GenAi.PROVIDER_NAME).isEqualTo(GenAiIncubatingAttributes.GEN_AI_PROVIDER_NAME);
        assertThat(GenAi.REQUEST_MODEL).isEqualTo(GenAiIncubatingAttributes.GEN_AI_REQUEST_MODEL);
        assertThat(GenAi.RESPONSE_MODEL).isEqualTo(GenAiIncubatingAttributes.GEN_AI_RESPONSE_MODEL);
        assertThat(GenAi.REQUEST_MAX_TOKENS).isEqualTo(GenAiIncubatingAttributes.GEN_AI_REQUEST_MAX_TOKENS);
        assertThat(GenAi.REQUEST_TEMPERATURE).isEqualTo(GenAiIncubatingAttributes.GEN_AI_REQUEST_TEMPERATURE);
        assertThat(GenAi.RESPONSE_FINISH_REASONS).isEqualTo(GenAiIncubatingAttributes.GEN_AI_RESPONSE_FINISH_REASONS);
        assertThat(GenAi.USAGE_INPUT_TOKENS).isEqualTo(GenAiIncubatingAttributes.GEN_AI_USAGE_INPUT_TOKENS);
        assertThat(GenAi.USAGE_OUTPUT_TOKENS).isEqualTo(GenAiIncubatingAttributes.GEN_AI_USAGE_OUTPUT_TOKENS);
        assertThat(GenAi.USAGE_CACHE_READ_INPUT_TOKENS).isEqualTo(GenAiIncubatingAttributes.GEN_AI_USAGE_CACHE_READ_INPUT_TOKENS);
        assertThat(GenAi.OUTPUT_TYPE).isEqualTo(GenAiIncubatingAttributes.GEN_AI_OUTPUT_TYPE);
        assertThat(GenAi.AGENT_NAME).isEqualTo(GenAiIncubatingAttributes.GEN_AI_AGENT_NAME);
        assertThat(GenAi.WORKFLOW_NAME).isEqualTo(GenAiIncubatingAttributes.GEN_AI_WORKFLOW_NAME);
        assertThat(GenAi.DATA_SOURCE_ID).isEqualTo(GenAiIncubatingAttributes.GEN_AI_DATA_SOURCE_ID);
        assertThat(GenAi.RETRIEVAL_QUERY_TEXT).isEqualTo(GenAiIncubatingAttributes.GEN_AI_RETRIEVAL_QUERY_TEXT);
        assertThat(GenAi.TOKEN_TYPE).isEqualTo(GenAiIncubatingAttributes.GEN_AI_TOKEN_TYPE);
        assertThat(GenAi.SERVER_ADDRESS).isEqualTo(ServerAttributes.SERVER_ADDRESS);
        assertThat(GenAi.SERVER_PORT).isEqualTo(ServerAttributes.SERVER_PORT);
        assertThat(GenAi.ERROR_TYPE).isEqualTo(ErrorAttributes.ERROR_TYPE);
    }

    @Test
    void operationAndProviderValuesMatchTheConventions() {
        assertThat(GenAi.CHAT).isEqualTo(GenAiOperationNameIncubatingValues.CHAT);
        assertThat(GenAi.INVOKE_AGENT).isEqualTo(GenAiOperationNameIncubatingValues.INVOKE_AGENT);
        assertThat(GenAi.INVOKE_WORKFLOW).isEqualTo(GenAiOperationNameIncubatingValues.INVOKE_WORKFLOW);
        assertThat(GenAi.RETRIEVAL).isEqualTo(GenAiOperationNameIncubatingValues.RETRIEVAL);
        assertThat(GenAi.providerName("openai")).isEqualTo(GenAiProviderNameIncubatingValues.OPENAI);
        assertThat(GenAi.providerName("anthropic")).isEqualTo(GenAiProviderNameIncubatingValues.ANTHROPIC);
        assertThat(GenAi.providerName("bedrock")).isEqualTo(GenAiProviderNameIncubatingValues.AWS_BEDROCK);
    }
}
