package dev.memos4j.local.server.internal;

import dev.memos4j.client.errors.MemosServiceException;
import dev.memos4j.client.errors.MemosUnsupportedOperationException;
import dev.memos4j.client.internal.Futures;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Maps whatever a request ended with to the reply the caller sees. Expected failures keep their message;
 * anything else becomes a generic 500 whose detail goes only to the log.
 */
final class Failures {

    private static final Logger LOG = LoggerFactory.getLogger(Failures.class);

    private Failures() {}

    static ApiException toApi(Throwable failure, String requestId) {
        Throwable t = Futures.unwrap(failure);
        if (t instanceof ApiException api) {
            return api;
        }
        if (t instanceof MemosUnsupportedOperationException unsupported) {
            return new ApiException(400, ApiException.UNSUPPORTED, unsupported.getMessage());
        }
        if (t instanceof MemosServiceException service) {
            int status = service.statusCode() >= 400 && service.statusCode() <= 599 ? service.statusCode() : 500;
            int code = service.errorCode().filter(c -> c != 0 && c != 200).orElse(status * 100);
            String message = service.serviceMessage().isEmpty() ? service.getMessage() : service.serviceMessage();
            return new ApiException(status, code, message);
        }
        if (t instanceof IllegalArgumentException && t.getMessage() != null) {
            return ApiException.badRequest(t.getMessage());
        }
        if (t instanceof IOException) {
            // Reading the request failed, almost always because the client went away mid-body.
            LOG.debug("request {}: could not read the request body: {}", requestId, t.toString());
            return new ApiException(400, ApiException.INVALID_PARAMETER, "could not read the request body");
        }
        LOG.warn("request {} failed unexpectedly", requestId, t);
        return new ApiException(500, ApiException.INTERNAL, "internal server error (request id " + requestId + ")");
    }
}
