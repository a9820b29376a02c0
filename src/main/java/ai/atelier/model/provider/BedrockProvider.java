package ai.atelier.model.provider;

import ai.atelier.model.ChatRequest;
import ai.atelier.model.ChatResponse;
import ai.atelier.model.ImageClient;
import ai.atelier.model.ModelClient;
import ai.atelier.model.ModelException;
import ai.atelier.model.ModelSpec;
import ai.atelier.model.TokenCounter;
import ai.atelier.model.TokenUsage;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.util.Base64;
import java.util.Locale;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.DefaultRetryStrategy;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClient;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClientBuilder;
import software.amazon.awssdk.services.bedrockruntime.model.ContentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ConversationRole;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseRequest;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseResponse;
import software.amazon.awssdk.services.bedrockruntime.model.InferenceConfiguration;
import software.amazon.awssdk.services.bedrockruntime.model.InvokeModelResponse;
import software.amazon.awssdk.services.bedrockruntime.model.Message;
import software.amazon.awssdk.services.bedrockruntime.model.SpecificToolChoice;
import software.amazon.awssdk.services.bedrockruntime.model.StopReason;
import software.amazon.awssdk.services.bedrockruntime.model.SystemContentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.Tool;
import software.amazon.awssdk.services.bedrockruntime.model.ToolChoice;
import software.amazon.awssdk.services.bedrockruntime.model.ToolConfiguration;
import software.amazon.awssdk.services.bedrockruntime.model.ToolInputSchema;
import software.amazon.awssdk.services.bedrockruntime.model.ToolSpecification;

/**
 * Amazon Bedrock through the official AWS SDK v2 (LangChain4j's Bedrock module trails the rest of
 * its family in version): chat through the Converse API for Nova, Claude and Llama, structured
 * output as a required tool, images through InvokeModel for Nova Canvas and Titan Image. Requests
 * are SigV4-signed with the AWS default credential chain (environment, profile, SSO, instance role).
 */
final class BedrockProvider implements ModelProvider {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final AwsCredentialsProvider awsCredentials;

    BedrockProvider(AwsCredentialsProvider awsCredentials) {
        this.awsCredentials = awsCredentials;
    }

    static BedrockProvider withDefaultChain() {
        return new BedrockProvider(null);
    }

    @Override
    public String keyword() {
        return "bedrock";
    }

    private AwsCredentialsProvider credentials() {
        return awsCredentials != null ? awsCredentials : DefaultCredentialsProvider.builder().build();
    }

    BedrockRuntimeClient client(ModelSpec spec) {
        BedrockRuntimeClientBuilder b = BedrockRuntimeClient.builder()
                .region(Region.of(spec.region() != null ? spec.region() : "us-east-1"))
                .credentialsProvider(credentials())
                .overrideConfiguration(ClientOverrideConfiguration.builder()
                        .apiCallTimeout(spec.timeout())
                        .retryStrategy(DefaultRetryStrategy.doNotRetry())
                        .build());
        if (spec.baseUrl() != null) b.endpointOverride(URI.create(spec.baseUrl()));
        return b.build();
    }

    @Override
    public ModelClient chat(ModelSpec spec, Credentials unused) {
        Lazy<BedrockRuntimeClient> client = new Lazy<>(() -> client(spec));
        TokenCounter tokens = new TokenCounter();
        return r -> converse(spec, client.get(), r, tokens);
    }

    private ChatResponse converse(ModelSpec spec, BedrockRuntimeClient client, ChatRequest r, TokenCounter tokens) {
        boolean tool = r.wantsJson() && spec.structuredOutput() == ModelSpec.StructuredOutput.NATIVE;
        String user = r.wantsJson() && !tool
                ? r.user() + "\n\nAnswer with one JSON object only, no prose, matching this JSON Schema:\n" + r.jsonSchema() : r.user();
        ConverseRequest.Builder req = ConverseRequest.builder()
                .modelId(spec.modelId())
                .system(SystemContentBlock.fromText(r.system()))
                .messages(Message.builder().role(ConversationRole.USER).content(ContentBlock.fromText(user)).build())
                .inferenceConfig(InferenceConfiguration.builder().maxTokens(r.maxOutputTokens()).build());
        if (tool) {
            req.toolConfig(ToolConfiguration.builder()
                    .tools(Tool.fromToolSpec(ToolSpecification.builder().name(LangChainChat.TOOL_NAME)
                            .description("Submit your answer. Its input must be the complete answer object.")
                            .inputSchema(ToolInputSchema.fromJson(Documents.from(read(r.jsonSchema())))).build()))
                    .toolChoice(ToolChoice.fromTool(SpecificToolChoice.builder().name(LangChainChat.TOOL_NAME).build()))
                    .build());
        }
        ConverseResponse resp;
        try {
            resp = client.converse(req.build());
        } catch (SdkException e) {
            throw translate(spec, e);
        }
        StopReason stop = resp.stopReason();
        if (stop == StopReason.CONTENT_FILTERED || stop == StopReason.GUARDRAIL_INTERVENED) {
            throw new ModelException(ModelException.Kind.REFUSED, "model " + spec.name() + " stopped: " + resp.stopReasonAsString());
        }
        StringBuilder text = new StringBuilder();
        String toolInput = null;
        if (resp.output() != null && resp.output().message() != null) {
            for (ContentBlock c : resp.output().message().content()) {
                if (c.toolUse() != null && toolInput == null) toolInput = Documents.toJson(c.toolUse().input());
                else if (c.text() != null) text.append(c.text());
            }
        }
        String out = toolInput != null ? toolInput : text.toString();
        var u = resp.usage();
        TokenUsage usage = u == null || u.inputTokens() == null || u.outputTokens() == null
                ? tokens.estimate(r.system() + "\n\n" + r.user(), out)
                : new TokenUsage(u.inputTokens() + orZero(u.cacheReadInputTokens()), u.outputTokens(), orZero(u.cacheReadInputTokens()), false);
        return new ChatResponse(out, usage, spec.modelId(), stop == null ? "unknown" : resp.stopReasonAsString().toLowerCase(Locale.ROOT)
                .replace("end_turn", "stop").replace("max_tokens", "length"));
    }

    @Override
    public ImageClient images(ModelSpec spec, Credentials unused) {
        Lazy<BedrockRuntimeClient> client = new Lazy<>(() -> client(spec));
        return r -> {
            String[] wh = r.size().split("x");
            ObjectNode body = JSON.createObjectNode();
            body.put("taskType", "TEXT_IMAGE");
            body.putObject("textToImageParams").put("text", r.prompt().length() > 1000 ? r.prompt().substring(0, 1000) : r.prompt());
            body.putObject("imageGenerationConfig").put("numberOfImages", 1).put("width", Integer.parseInt(wh[0]))
                    .put("height", Integer.parseInt(wh[1])).put("quality", r.quality());
            InvokeModelResponse resp;
            try {
                resp = client.get().invokeModel(b -> b.modelId(spec.modelId()).contentType("application/json").accept("application/json")
                        .body(SdkBytes.fromUtf8String(body.toString())));
            } catch (SdkException e) {
                throw translate(spec, e);
            }
            JsonNode answer = read(resp.body().asUtf8String());
            if (answer.hasNonNull("error") && !answer.get("error").asText().isBlank()) {
                throw new ModelException(ModelException.Kind.REFUSED, "image model " + spec.name() + " refused: " + Failures.oneLine(answer.get("error").asText()));
            }
            JsonNode first = answer.path("images").path(0);
            if (!first.isTextual()) throw new ModelException(ModelException.Kind.MALFORMED_RESPONSE, "image model " + spec.name() + " returned no image");
            byte[] bytes = Base64.getDecoder().decode(first.asText());
            return new ImageClient.ImageResult(bytes, Images.mediaType(bytes), spec.modelId());
        };
    }

    static ModelException translate(ModelSpec spec, SdkException e) {
        if (e instanceof AwsServiceException s) {
            var headers = s.awsErrorDetails() != null && s.awsErrorDetails().sdkHttpResponse() != null
                    ? s.awsErrorDetails().sdkHttpResponse().firstMatchingHeader("Retry-After") : java.util.Optional.<String>empty();
            String msg = s.awsErrorDetails() != null && s.awsErrorDetails().errorMessage() != null ? s.awsErrorDetails().errorMessage() : s.getMessage();
            return Failures.byStatus(spec.name(), s.statusCode(), Failures.oneLine(msg), StatusAwareHttpClient.retryAfter(headers), e);
        }
        if (e instanceof ApiCallTimeoutException || e instanceof ApiCallAttemptTimeoutException) {
            return new ModelException(ModelException.Kind.TIMEOUT, "model " + spec.name() + " did not answer within its timeout; raise timeout: in the config", 0, null, e);
        }
        if (e instanceof SdkClientException && Failures.oneLine(e.getMessage()).toLowerCase(Locale.ROOT).contains("credentials")) {
            return new ModelException(ModelException.Kind.CONFIG, "model " + spec.name() + " needs AWS credentials: set AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY, AWS_PROFILE, or run on an AWS role", 0, null, e);
        }
        return Failures.translate(spec.name(), e);
    }

    @Override
    public String credentialStatus(ModelSpec spec, Credentials unused) {
        try {
            credentials().resolveCredentials();
            return "AWS credentials resolvable (default chain), region " + (spec.region() != null ? spec.region() : "us-east-1");
        } catch (RuntimeException e) {
            return "MISSING: no AWS credentials (set AWS_PROFILE or AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY)";
        }
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (java.io.IOException e) {
            throw new ModelException(ModelException.Kind.MALFORMED_RESPONSE, "not JSON: " + Failures.oneLine(e.getMessage()), 0, null, e);
        }
    }

    private static long orZero(Integer i) {
        return i == null ? 0 : i;
    }
}
