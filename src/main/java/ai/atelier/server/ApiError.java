package ai.atelier.server;

import java.util.Map;

/**
 * An HTTP error the API answers on purpose: a status, a one-line message, the input field it is
 * about (if any), and extra headers (Retry-After, WWW-Authenticate). Rendered as a JSON body.
 */
final class ApiError extends RuntimeException {
    private final int status;
    private final String field;
    private final Map<String, String> headers;

    ApiError(int status, String message, String field, Map<String, String> headers) {
        super(message);
        this.status = status;
        this.field = field;
        this.headers = Map.copyOf(headers);
    }

    ApiError(int status, String message) {
        this(status, message, null, Map.of());
    }

    int status() {
        return status;
    }

    String field() {
        return field;
    }

    Map<String, String> headers() {
        return headers;
    }
}
