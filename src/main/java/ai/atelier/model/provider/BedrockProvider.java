package ai.atelier.model.provider;

import ai.atelier.model.ImageClient;
import ai.atelier.model.ModelClient;
import ai.atelier.model.ModelException;
import ai.atelier.model.ModelSpec;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.langchain4j.model.bedrock.BedrockCachePointPlacement;
import dev.langchain4j.model.bedrock.BedrockChatModel;
import dev.langchain4j.model.bedrock.BedrockChatRequestParameters;
import java.net.URI;
import java.util.Base64;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.DefaultRetryStrategy;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClient;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClientBuilder;
import software.amazon.awssdk.services.bedrockruntime.model.InvokeModelResponse;

/**
 * Amazon Bedrock: chat through LangChain4j's Converse-API model (Nova, Claude, Llama; structured
 * output as a required tool), images through the AWS SDK v2's InvokeModel for Nova Canvas and Titan
 * Image (LangChain4j's Bedrock module has no image model). Both run on one SDK client built here:
 * SigV4-signed with the AWS default credential chain (environment, profile, SSO, instance role),
 * the configured region or endpoint, the model's timeout, and no SDK-level retries (Atelier's
 * retry interceptor does that, visibly). On the models whose Converse API takes prompt caching
 * (Anthropic Claude and Amazon Nova) a {@code cachePoint} block closes the system prompt, the part
 * that is the same for every visitor of a company; other models (Llama) would refuse it, so they get none.
 * An execution interceptor ({@link AwsWire}) adds the
 * {@code traceparent} header inside a traced call and caps the response at {@code maxResponseBytes}.
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
                        // traceparent out (telemetry on) and the model's response cap, as the JDK-client providers have
                        .addExecutionInterceptor(new AwsWire(spec.responseLimit()))
                        .build());
        if (spec.baseUrl() != null) b.endpointOverride(URI.create(spec.baseUrl()));
        return b.build();
    }

    @Override
    public ModelClient chat(ModelSpec spec, Credentials unused) {
        Lazy<ModelClient> client = new Lazy<>(() -> new LangChainChat(
                withCachePoint(BedrockChatModel.builder().client(client(spec)).modelId(spec.modelId()).maxRetries(0), spec.modelId()).build(),
                spec.name(), spec.structuredOutput() == ModelSpec.StructuredOutput.PROMPT
                        ? LangChainChat.SchemaMode.PROMPT : LangChainChat.SchemaMode.TOOL));
        return request -> client.get().chat(request);
    }

    /** Whether a Bedrock model id (optionally with a cross-region prefix such as "us.") takes Converse prompt caching. */
    static boolean cachesPrompts(String modelId) {
        String id = modelId == null ? "" : modelId.replaceFirst("^[a-z]{2,4}\\.(?=(anthropic|amazon)\\.)", "");
        return id.startsWith("anthropic.claude") || id.startsWith("amazon.nova");
    }

    private static BedrockChatModel.Builder withCachePoint(BedrockChatModel.Builder b, String modelId) {
        if (!cachesPrompts(modelId)) return b;
        return b.defaultRequestParameters(BedrockChatRequestParameters.builder()
                .promptCaching(BedrockCachePointPlacement.AFTER_SYSTEM).build());
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
