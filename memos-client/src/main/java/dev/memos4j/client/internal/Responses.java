package dev.memos4j.client.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.memos4j.client.RetryPolicy;
import dev.memos4j.client.errors.MemosAuthenticationException;
import dev.memos4j.client.errors.MemosException;
import dev.memos4j.client.errors.MemosInvalidResponseException;
import dev.memos4j.client.errors.MemosIoException;
import dev.memos4j.client.errors.MemosServiceException;
import dev.memos4j.client.errors.MemosTimeoutException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpHeaders;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CancellationException;

/**
 * Turns what came back from one attempt into either the envelope's {@code data} or an
 * {@link AttemptFailure} that says whether the attempt may be repeated.
 */
final class Responses {

    private static final List<String> REQUEST_ID_HEADERS =
            List.of("x-request-id", "request-id", "x-trace-id", "trace-id");
    private static final List<String> REQUEST_ID_FIELDS = List.of("request_id", "requestId", "trace_id", "traceId");
    private static final int SNIPPET_CHARS = 120;

    private final RetryPolicy policy;
    private final Clock clock;
    private final String apiKey;

    Responses(RetryPolicy policy, Clock clock, String apiKey) {
        this.policy = policy;
        this.clock = clock;
        this.apiKey = apiKey;
    }

    /**
     * The {@code data} of a successful envelope.
     *
     * @throws AttemptFailure for an error status, an error envelope or a body that is not an envelope
     */
    JsonNode data(HttpResponse<String> response, String operation) {
        int status = response.statusCode();
        String body = Redaction.scrub(response.body() == null ? "" : response.body(), apiKey);
        JsonNode root = parse(body);
        if (status < 200 || status > 299) {
            throw serviceFailure(response, status, root, body);
        }
        if (body.isBlank()) {
            throw invalid(operation, status, body, "the body is empty", null);
        }
        if (root == null) {
            throw invalid(
                    operation, status, body, "the body is not JSON (starts with \"" + snippet(body) + "\")", null);
        }
        Integer code = code(root);
        if (code == null) {
            throw invalid(operation, status, body, "the body is not a MemOS envelope (no integer \"code\")", null);
        }
        if (code != 0 && code != 200) {
            throw serviceFailure(response, status, root, body);
        }
        JsonNode data = root.get("data");
        if (data == null || data.isNull()) {
            throw invalid(operation, status, body, "the envelope has no \"data\"", null);
        }
        return data;
    }

    /** A failure for a body whose {@code data} does not have the shape the endpoint promises. */
    AttemptFailure invalid(String operation, int status, String body, String problem, Throwable cause) {
        MemosInvalidResponseException error = new MemosInvalidResponseException(
                "invalid response to " + operation + " (HTTP " + status + "): " + problem,
                status,
                Redaction.scrub(body, apiKey),
                cause);
        return AttemptFailure.fatal(error);
    }

    /** Classifies a failure of the exchange itself (no usable response). */
    AttemptFailure transport(Throwable thrown, String operation, Duration timeout) {
        Throwable error = Futures.unwrap(thrown);
        if (error instanceof AttemptFailure failure) {
            return failure;
        }
        if (error instanceof CancellationException cancelled) {
            return AttemptFailure.fatal(cancelled);
        }
        if (error instanceof MemosException memos) {
            return AttemptFailure.fatal(memos);
        }
        String detail = Redaction.scrub(describe(error), apiKey);
        if (error instanceof HttpConnectTimeoutException) {
            return new AttemptFailure(
                    new MemosTimeoutException("could not connect for " + operation + " in time: " + detail, error),
                    policy.retryIoErrors(),
                    true,
                    null);
        }
        if (error instanceof HttpTimeoutException) {
            return new AttemptFailure(
                    new MemosTimeoutException(
                            "no response to " + operation + " within " + timeout.toMillis() + " ms", error),
                    policy.retryIoErrors(),
                    false,
                    null);
        }
        if (hasCause(error, ConnectException.class)) {
            return new AttemptFailure(
                    new MemosIoException("could not connect for " + operation + ": " + detail, error),
                    policy.retryIoErrors(),
                    true,
                    null);
        }
        if (error instanceof IOException) {
            return new AttemptFailure(
                    new MemosIoException(
                            "I/O error during " + operation + ": "
                                    + error.getClass().getSimpleName() + ": " + detail,
                            error),
                    policy.retryIoErrors(),
                    false,
                    null);
        }
        return AttemptFailure.fatal(
                new MemosException("unexpected failure during " + operation + ": " + detail, error));
    }

    /** The first meaningful message in the cause chain (the JDK often leaves the top one null). */
    static String describe(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                return t.getMessage();
            }
            if (t.getCause() == null) {
                return t.getClass().getSimpleName();
            }
        }
        return error.getClass().getSimpleName();
    }

    private AttemptFailure serviceFailure(HttpResponse<String> response, int status, JsonNode root, String body) {
        HttpHeaders headers = response.headers();
        Integer code = root == null ? null : code(root);
        String message = root != null
                        && root.path("message").isTextual()
                        && !root.path("message").asText().isEmpty()
                ? root.path("message").asText()
                : (status >= 200 && status <= 299 ? "error envelope" : "HTTP " + status + " from the service");
        String requestId = requestId(headers, root);
        Duration retryAfter = RetryAfter.parse(headers.firstValue("retry-after").orElse(null), clock)
                .orElse(null);
        MemosServiceException error = MemosServiceException.of(status, code, message, requestId, body, retryAfter);

        boolean clientError = code != null && code >= 40000 && code < 50000 && code != 40300;
        boolean retryable = !(error instanceof MemosAuthenticationException)
                && !clientError
                && ((status >= 300 && policy.retryableStatuses().contains(status))
                        || (code != null && policy.retryableErrorCodes().contains(code)));
        boolean rejectedUnprocessed = status == 429 || status == 503 || (code != null && code == 40300);
        return new AttemptFailure(error, retryable, rejectedUnprocessed, retryAfter);
    }

    private static String requestId(HttpHeaders headers, JsonNode root) {
        for (String name : REQUEST_ID_HEADERS) {
            var value = headers.firstValue(name);
            if (value.isPresent() && !value.get().isBlank()) {
                return value.get();
            }
        }
        if (root != null && root.isObject()) {
            for (String field : REQUEST_ID_FIELDS) {
                JsonNode value = root.get(field);
                if (value != null
                        && value.isValueNode()
                        && !value.isNull()
                        && !value.asText().isBlank()) {
                    return value.asText();
                }
            }
        }
        return null;
    }

    private static Integer code(JsonNode root) {
        if (!root.isObject()) {
            return null;
        }
        JsonNode code = root.get("code");
        if (code == null) {
            return null;
        }
        if (code.isIntegralNumber() && code.canConvertToInt()) {
            return code.intValue();
        }
        if (code.isTextual() && code.asText().matches("-?\\d{1,9}")) {
            return Integer.parseInt(code.asText());
        }
        return null;
    }

    private static JsonNode parse(String body) {
        if (body.isBlank()) {
            return null;
        }
        try {
            return Json.MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    private static boolean hasCause(Throwable error, Class<? extends Throwable> type) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private static String snippet(String body) {
        String flat = body.strip().replaceAll("\\s+", " ");
        return flat.length() <= SNIPPET_CHARS ? flat : flat.substring(0, SNIPPET_CHARS) + "...";
    }
}
