package ai.atelier.model.provider;

import ai.atelier.model.ImageClient;
import ai.atelier.model.ModelClient;
import ai.atelier.model.ModelException;
import ai.atelier.model.ModelSpec;
import dev.langchain4j.http.client.jdk.JdkHttpClient;
import dev.langchain4j.http.client.jdk.JdkHttpClientBuilder;
import dev.langchain4j.model.image.ImageModel;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.model.openai.OpenAiImageModel;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Base64;

/**
 * OpenAI's Chat Completions API, and every server that speaks it at another base URL: vLLM,
 * llama.cpp's server, LM Studio, OpenRouter, Ollama's /v1. Structured output uses the json_schema
 * response format with {@code strict: true} and the full schema (set {@code structuredOutput: prompt}
 * for servers without it). Images come from
 * the Images API as b64_json.
 */
final class OpenAiProvider implements ModelProvider {
    @Override
    public String keyword() {
        return "openai";
    }

    @Override
    public ModelClient chat(ModelSpec spec, Credentials credentials) {
        Lazy<ModelClient> client = new Lazy<>(() -> {
            OpenAiChatModel model = OpenAiChatModel.builder()
                    .httpClientBuilder(http(spec))
                    .baseUrl(spec.baseUrl() != null ? spec.baseUrl() : "https://api.openai.com/v1")
                    .apiKey(credentials.apiKey(spec))
                    .modelName(spec.modelId())
                    .timeout(spec.timeout())
                    .maxRetries(0)
                    .strictJsonSchema(true)
                    .build();
            return LangChainChat.forStrictFormat(model, spec);
        });
        return request -> client.get().chat(request);
    }

    @Override
    public ImageClient images(ModelSpec spec, Credentials credentials) {
        // One image model (and so one HTTP client with its connection pool) per size and quality, built on
        // first use and shared by every call: a client per call would open a new connection and selector
        // thread for every image, which under load costs more than the call.
        java.util.Map<String, ImageModel> models = new java.util.concurrent.ConcurrentHashMap<>();
        return r -> {
            ImageModel model = models.computeIfAbsent(r.size() + " " + r.quality(), k -> OpenAiImageModel.builder()
                    .httpClientBuilder(http(spec))
                    .baseUrl(spec.baseUrl() != null ? spec.baseUrl() : "https://api.openai.com/v1")
                    .apiKey(credentials.apiKey(spec))
                    .modelName(spec.modelId())
                    .size(r.size())
                    .quality(r.quality())
                    .timeout(spec.timeout())
                    .maxRetries(0)
                    .build());
            dev.langchain4j.data.image.Image img;
            try {
                img = model.generate(r.prompt()).content();
            } catch (RuntimeException e) {
                throw Failures.translate(spec.name(), e);
            }
            byte[] bytes;
            if (img.base64Data() != null) {
                bytes = Base64.getDecoder().decode(img.base64Data());
            } else if (img.url() != null) {
                bytes = download(spec, img.url());
            } else {
                throw new ModelException(ModelException.Kind.MALFORMED_RESPONSE, "image model " + spec.name() + " returned no image data");
            }
            return new ImageClient.ImageResult(bytes, Images.mediaType(bytes), spec.modelId());
        };
    }

    /** Older image models answer with a short-lived URL instead of bytes; the bytes are fetched once, here. */
    private static byte[] download(ModelSpec spec, URI url) {
        try {
            HttpResponse<byte[]> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(url).timeout(spec.timeout()).build(),
                    StatusAwareHttpClient.limited(HttpResponse.BodyHandlers.ofByteArray(), spec.responseLimit()));
            if (r.statusCode() != 200) throw Failures.byStatus(spec.name(), r.statusCode(), "image download failed", null, null);
            return r.body();
        } catch (java.io.IOException e) {
            if (Failures.find(e, StatusAwareHttpClient.ResponseTooLarge.class) != null) throw Failures.translate(spec.name(), new java.io.UncheckedIOException(e));
            throw new ModelException(ModelException.Kind.CONNECTION, "cannot download the image from model " + spec.name() + ": " + e.getMessage(), 0, null, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ModelException(ModelException.Kind.TIMEOUT, "interrupted downloading an image from " + spec.name());
        }
    }

    @Override
    public String credentialStatus(ModelSpec spec, Credentials credentials) {
        return credentials.status(spec);
    }

    /** LangChain4j's JDK client over ours: Retry-After kept, trace context sent, answers capped at the model's maxResponseBytes. */
    static JdkHttpClientBuilder http(ModelSpec spec) {
        return JdkHttpClient.builder().httpClientBuilder(StatusAwareHttpClient.builder(spec.responseLimit()));
    }
}
