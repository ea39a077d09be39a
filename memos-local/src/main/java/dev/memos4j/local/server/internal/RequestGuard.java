package dev.memos4j.local.server.internal;

import com.sun.net.httpserver.Filter;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The checks every request passes before any handler sees it, on every context of the server: the
 * {@code Host} must name this server (against DNS rebinding), a browser's {@code Origin} must be on the
 * allow-list (against cross-site requests), the API key must match when one is set ({@code /health}
 * excepted), and a POST must be {@code application/json} ({@code multipart/form-data} only where uploads
 * are taken), since a page may send other types cross-site without asking first. No CORS headers are sent
 * unless an origin is allowed.
 */
public final class RequestGuard extends Filter {

    /** The path that answers without a key. */
    public static final String HEALTH_PATH = "/health";

    private static final Pattern IPV4_LITERAL = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final String ALLOWED_HEADERS = "Authorization, Content-Type, x-request-id";

    private final Optional<byte[]> expectedAuthorization;
    private final InetAddress boundAddress;
    private final Set<String> hostNames;
    private final Set<String> allowedOrigins;
    private final Set<String> multipartPaths;

    /**
     * Creates the guard.
     *
     * @param apiKey the key callers must send as {@code Authorization: Token KEY}; empty for none
     * @param boundAddress the address the server listens on
     * @param hostNames further names (lower case) accepted in {@code Host}: the configured host and any
     *     the operator allowed
     * @param allowedOrigins origins (such as {@code http://localhost:3000}) allowed to call from a browser
     * @param multipartPaths the paths that also accept {@code multipart/form-data}
     */
    public RequestGuard(
            Optional<String> apiKey,
            InetAddress boundAddress,
            Set<String> hostNames,
            Set<String> allowedOrigins,
            Set<String> multipartPaths) {
        this.expectedAuthorization = apiKey.map(k -> ("Token " + k).getBytes(StandardCharsets.UTF_8));
        this.boundAddress = Objects.requireNonNull(boundAddress, "boundAddress");
        this.hostNames = Set.copyOf(hostNames);
        this.allowedOrigins = Set.copyOf(allowedOrigins);
        this.multipartPaths = Set.copyOf(multipartPaths);
    }

    @Override
    public void doFilter(HttpExchange exchange, Chain chain) throws IOException {
        Call call = new Call(exchange, () -> {});
        try {
            checkHost(call);
            boolean preflight = checkOrigin(call);
            if (preflight) {
                call.sendEmpty(204);
                return;
            }
            if (!call.rawPath().equals(HEALTH_PATH)) {
                checkApiKey(call);
            }
            checkContentType(call);
        } catch (ApiException refused) {
            call.setResponseHeader("Connection", "close");
            call.sendError(refused);
            return;
        }
        chain.doFilter(exchange);
    }

    @Override
    public String description() {
        return "Host, Origin, API key and Content-Type checks";
    }

    private void checkHost(Call call) {
        String host = call.header("Host");
        if (host == null || !hostAllowed(hostPart(host.strip()).toLowerCase(Locale.ROOT))) {
            throw new ApiException(
                    403,
                    ApiException.FORBIDDEN,
                    "Host header does not name this server; use the address it listens on or localhost");
        }
    }

    private boolean hostAllowed(String host) {
        if (host.equals("localhost") || hostNames.contains(host)) {
            return true;
        }
        // An IP literal cannot be rebound by DNS: accept it when it is this server's address, a loopback
        // one, or any address of this machine when bound to all of them.
        Optional<InetAddress> literal = ipLiteral(host);
        return literal.isPresent()
                && (literal.get().equals(boundAddress)
                        || literal.get().isLoopbackAddress()
                        || boundAddress.isAnyLocalAddress());
    }

    /** Returns whether this is a CORS preflight of an allowed origin, to be answered without a body. */
    private boolean checkOrigin(Call call) {
        String origin = call.header("Origin");
        if (origin == null) {
            return false; // not a browser's cross-origin request
        }
        if (!allowedOrigins.contains(origin.strip())) {
            throw new ApiException(
                    403,
                    ApiException.FORBIDDEN,
                    "requests from web pages are refused (Origin " + printable(origin)
                            + " is not on the server's allow-list)");
        }
        call.setResponseHeader("Access-Control-Allow-Origin", origin.strip());
        call.setResponseHeader("Vary", "Origin");
        if (call.method().equals("OPTIONS")) {
            call.setResponseHeader("Access-Control-Allow-Methods", "GET, POST");
            call.setResponseHeader("Access-Control-Allow-Headers", ALLOWED_HEADERS);
            call.setResponseHeader("Access-Control-Max-Age", "600");
            return true;
        }
        return false;
    }

    private void checkApiKey(Call call) {
        if (expectedAuthorization.isEmpty()) {
            return;
        }
        String sent = call.header("Authorization");
        if (sent == null || sent.isBlank()) {
            throw new ApiException(
                    401,
                    ApiException.AUTH_REQUIRED,
                    "API key authentication required: send Authorization: Token <key>");
        }
        // Constant-time comparison: the reply time must not reveal how much of the key matched.
        if (!MessageDigest.isEqual(sent.trim().getBytes(StandardCharsets.UTF_8), expectedAuthorization.get())) {
            throw new ApiException(401, ApiException.AUTH_INVALID, "API key invalid");
        }
    }

    private void checkContentType(Call call) {
        if (!call.method().equals("POST")) {
            return;
        }
        String sent = call.header("Content-Type");
        String type = sent == null ? "" : sent.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        if (type.equals("application/json")
                || (type.equals("multipart/form-data") && multipartPaths.contains(call.rawPath()))) {
            return;
        }
        throw new ApiException(
                415,
                ApiException.UNSUPPORTED_MEDIA_TYPE,
                "Content-Type must be application/json"
                        + (multipartPaths.contains(call.rawPath()) ? " or multipart/form-data" : "") + " (was "
                        + (sent == null ? "none" : printable(sent)) + ")");
    }

    /** The host of a Host header value, without the port; IPv6 literals keep their brackets off. */
    static String hostPart(String host) {
        if (host.startsWith("[")) {
            int end = host.indexOf(']');
            return end < 0 ? host : host.substring(1, end);
        }
        int colon = host.indexOf(':');
        return colon < 0 ? host : host.substring(0, colon);
    }

    private static Optional<InetAddress> ipLiteral(String host) {
        if (!IPV4_LITERAL.matcher(host).matches() && !(host.contains(":") && host.matches("[0-9a-f:.%]+"))) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByName(host)); // a literal: no name lookup
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    private static String printable(String value) {
        String cut = value.length() > 100 ? value.substring(0, 100) + "..." : value;
        return cut.replaceAll("[^\\x20-\\x7e]", "?");
    }
}
