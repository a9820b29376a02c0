package ai.atelier.model.provider;

import ai.atelier.model.ModelException;
import ai.atelier.model.ModelException.Kind;
import com.fasterxml.jackson.core.JsonProcessingException;
import dev.langchain4j.exception.ContentFilteredException;
import dev.langchain4j.exception.HttpException;
import java.io.EOFException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;

/**
 * Translates what a provider library throws into a {@link ModelException} the interceptors
 * understand: by HTTP status where there is one (429 and 5xx retried, 400/401/403 not), else by
 * the kind of failure (timeout, connection, malformed or truncated response, refusal).
 */
final class Failures {
    private Failures() {}

    static ModelException translate(String model, RuntimeException e) {
        if (e instanceof ModelException me) return me;
        software.amazon.awssdk.awscore.exception.AwsServiceException aws = find(e, software.amazon.awssdk.awscore.exception.AwsServiceException.class);
        if (aws != null) return aws(model, aws);
        if (find(e, software.amazon.awssdk.core.exception.ApiCallTimeoutException.class) != null
                || find(e, software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException.class) != null) {
            return new ModelException(Kind.TIMEOUT, "model " + model + " did not answer within its timeout; raise timeout: in the config", 0, null, e);
        }
        software.amazon.awssdk.core.exception.SdkClientException sdk = find(e, software.amazon.awssdk.core.exception.SdkClientException.class);
        if (sdk != null && oneLine(sdk.getMessage()).toLowerCase(java.util.Locale.ROOT).contains("credentials")) {
            return new ModelException(Kind.CONFIG, "model " + model + " needs AWS credentials: set AWS_PROFILE or AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY, or run with an AWS role", 0, null, e);
        }
        StatusAwareHttpClient.ResponseTooLarge tooLarge = find(e, StatusAwareHttpClient.ResponseTooLarge.class);
        if (tooLarge != null) {
            return new ModelException(Kind.RESPONSE_TOO_LARGE, "model " + model + " sent an answer larger than its limit of " + tooLarge.limit()
                    + " bytes; not read further and not retried (raise maxResponseBytes: for this model in the config if such answers are expected)", 0, null, e);
        }
        HttpException http = find(e, HttpException.class);
        if (http != null) {
            Duration retryAfter = http instanceof StatusAwareHttpClient.StatusException s ? s.retryAfter() : null;
            return byStatus(model, http.statusCode(), oneLine(http.getMessage()), retryAfter, e);
        }
        if (find(e, ContentFilteredException.class) != null) {
            return new ModelException(Kind.REFUSED, "model " + model + " refused or filtered the request: " + oneLine(e.getMessage()), 0, null, e);
        }
        if (find(e, HttpTimeoutException.class) != null || e instanceof dev.langchain4j.exception.TimeoutException
                || find(e, java.net.SocketTimeoutException.class) != null) {
            return new ModelException(Kind.TIMEOUT, "model " + model + " did not answer within its timeout; raise timeout: in the config", 0, null, e);
        }
        if (find(e, JsonProcessingException.class) != null || jsonParseFailure(e)) {
            JsonProcessingException j = find(e, JsonProcessingException.class);
            String where = j != null && j.getLocation() != null ? " (malformed at line " + j.getLocation().getLineNr() + ", column "
                    + j.getLocation().getColumnNr() + ")" : "";
            return new ModelException(Kind.MALFORMED_RESPONSE, "model " + model + " sent a response that is not valid JSON" + where
                    + "; if its server does not speak this provider's API, check provider: and baseUrl:", 0, null, e);
        }
        if (find(e, ConnectException.class) != null || find(e, java.nio.channels.UnresolvedAddressException.class) != null) {
            return new ModelException(Kind.CONNECTION, "cannot connect to model " + model + " (" + oneLine(rootMessage(e)) + "); is its server running and its baseUrl right?", 0, null, e);
        }
        if (find(e, java.nio.channels.ClosedChannelException.class) != null || resetByPeer(e)) {
            return new ModelException(Kind.TRUNCATED_RESPONSE, "the connection to model " + model + " closed before its answer was complete "
                    + "(its server stopped, restarted or dropped the call); check that its server is still running and try again "
                    + "(atelier generate --resume <site folder> keeps the steps already finished)", 0, null, e);
        }
        if (find(e, EOFException.class) != null || String.valueOf(rootMessage(e)).toLowerCase().contains("content-length")
                || String.valueOf(rootMessage(e)).toLowerCase().contains("closed")) {
            return new ModelException(Kind.TRUNCATED_RESPONSE, "model " + model + " sent a truncated response: " + oneLine(rootMessage(e)), 0, null, e);
        }
        if (find(e, IOException.class) != null) {
            return new ModelException(Kind.CONNECTION, "I/O error talking to model " + model + ": " + oneLine(rootMessage(e)), 0, null, e);
        }
        return new ModelException(Kind.MALFORMED_RESPONSE, "model " + model + " failed: " + oneLine(rootMessage(e)), 0, null, e);
    }

    /** An AWS service error (Bedrock), by its status, keeping the Retry-After header if the service sent one. */
    static ModelException aws(String model, software.amazon.awssdk.awscore.exception.AwsServiceException s) {
        var details = s.awsErrorDetails();
        java.util.Optional<String> retryAfter = details != null && details.sdkHttpResponse() != null
                ? details.sdkHttpResponse().firstMatchingHeader("Retry-After") : java.util.Optional.empty();
        String msg = details != null && details.errorMessage() != null ? details.errorMessage() : s.getMessage();
        return byStatus(model, s.statusCode(), oneLine(msg), StatusAwareHttpClient.retryAfter(retryAfter), s);
    }

    static ModelException byStatus(String model, int status, String body, Duration retryAfter, Throwable cause) {
        String what = "model " + model + " answered HTTP " + status;
        Kind kind;
        String hint;
        if (status == 429) { kind = Kind.RATE_LIMITED; hint = "rate limited"; }
        else if (status == 401 || status == 403) { kind = Kind.AUTH; hint = "check the API key or permissions for this model"; }
        else if (status == 404) { kind = Kind.NOT_FOUND; hint = "check the model id and baseUrl"; }
        else if (status == 408) { kind = Kind.TIMEOUT; hint = "request timeout"; }
        else if (status >= 500) { kind = Kind.SERVER_ERROR; hint = "provider error"; }
        else { kind = Kind.BAD_REQUEST; hint = "the provider rejected the request"; }
        return new ModelException(kind, what + " (" + hint + "): " + body, status, retryAfter, cause);
    }

    /** A connection the server reset under a running call ("Connection reset", "Broken pipe"). */
    static boolean resetByPeer(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            String m = String.valueOf(c.getMessage()).toLowerCase(java.util.Locale.ROOT);
            if (c instanceof IOException && (m.contains("connection reset") || m.contains("broken pipe"))) return true;
        }
        return false;
    }

    /** A JSON parse failure from any Jackson copy (the AWS SDK ships a shaded one). */
    static boolean jsonParseFailure(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            String n = c.getClass().getSimpleName();
            if (n.equals("JsonParseException") || n.equals("JsonEOFException") || n.equals("JsonProcessingException")) return true;
        }
        return false;
    }

    static <T extends Throwable> T find(Throwable t, Class<T> type) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (type.isInstance(c)) return type.cast(c);
        }
        return null;
    }

    static String rootMessage(Throwable t) {
        Throwable r = t;
        while (r.getCause() != null && r.getCause() != r) r = r.getCause();
        return r.getMessage() != null ? r.getMessage() : r.getClass().getSimpleName();
    }

    static String oneLine(String s) {
        if (s == null) return "";
        String l = s.replaceAll("\\s+", " ").strip();
        return l.length() > 300 ? l.substring(0, 300) + "…" : l;
    }
}
