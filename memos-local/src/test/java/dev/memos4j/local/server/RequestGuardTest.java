package dev.memos4j.local.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpHandler;
import dev.memos4j.testkit.FakeMemosClient;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What a web page, a rebound DNS name or a careless network setting cannot do: the Host, Origin,
 * Content-Type and API-key checks in front of every context, and the refusal to listen beyond loopback
 * without a key.
 */
class RequestGuardTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String SEARCH = "{\"query\":\"q\",\"user_id\":\"u1\"}";

    private final FakeMemosClient backend = CannedBackend.create();
    private MemosServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private MemosServer start(MemosServer.Builder builder) {
        server = builder.port(0).build().start();
        return server;
    }

    private HttpResponse<String> post(String path, String contentType, String body, String... headers)
            throws Exception {
        return postTo(server.baseUrl() + path, contentType, body, headers);
    }

    private static HttpResponse<String> postTo(String url, String contentType, String body, String... headers)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (headers.length > 0) {
            request.headers(headers);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A request written by hand, since the JDK's client will not send a Host header of our choosing. */
    private String rawStatusLine(String method, String path, String host, String body) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            String request = method + " " + path + " HTTP/1.1\r\n" + (host == null ? "" : "Host: " + host + "\r\n")
                    + "Content-Type: application/json\r\nContent-Length: "
                    + body.getBytes(StandardCharsets.UTF_8).length + "\r\nConnection: close\r\n\r\n" + body;
            out.write(request.getBytes(StandardCharsets.UTF_8));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            int b;
            while ((b = in.read()) >= 0 && b != '\n') {
                line.write(b);
            }
            return line.toString(StandardCharsets.UTF_8).strip();
        }
    }

    // ---- Content-Type: a page can send text/plain or form bodies cross-site without a preflight ----

    @ParameterizedTest
    @ValueSource(strings = {"text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", ""})
    void jsonEndpointsRefuseOtherContentTypesWith415(String type) throws Exception {
        start(MemosServer.builder(backend));

        HttpResponse<String> response = post("/add/message", type.isEmpty() ? null : type, SEARCH);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(415);
        assertThat(response.body()).contains("\"code\":41500", "Content-Type must be application/json");
        assertThat(backend.calls()).isEmpty();
    }

    @Test
    void jsonWithACharsetIsAccepted() throws Exception {
        start(MemosServer.builder(backend));

        assertThat(post("/search/memory", "application/json; charset=UTF-8", SEARCH)
                        .statusCode())
                .isEqualTo(200);
    }

    // ---- Origin ----

    @Test
    void aForeignOriginIsRefusedWith403AndNoCorsHeaders() throws Exception {
        start(MemosServer.builder(backend));

        HttpResponse<String> response =
                post("/delete/memory", "application/json", "{\"user_id\":\"u1\"}", "Origin", "http://evil.example");

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).contains("Origin http://evil.example is not on the server's allow-list");
        assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
        assertThat(backend.calls()).isEmpty();
    }

    @Test
    void noCorsHeadersByDefault() throws Exception {
        start(MemosServer.builder(backend));

        HttpResponse<String> response = post("/search/memory", "application/json", SEARCH);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().map().keySet())
                .noneMatch(h -> h.toLowerCase().startsWith("access-control"));
    }

    @Test
    void anAllowedOriginGetsCorsHeadersAndItsPreflightAnswered() throws Exception {
        start(MemosServer.builder(backend).allowOrigin("http://localhost:3000"));

        HttpResponse<String> allowed =
                post("/search/memory", "application/json", SEARCH, "Origin", "http://localhost:3000");
        HttpResponse<String> preflight = HTTP.send(
                HttpRequest.newBuilder(URI.create(server.baseUrl() + "/search/memory"))
                        .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                        .header("Origin", "http://localhost:3000")
                        .header("Access-Control-Request-Method", "POST")
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(allowed.statusCode()).isEqualTo(200);
        assertThat(allowed.headers().firstValue("Access-Control-Allow-Origin")).hasValue("http://localhost:3000");
        assertThat(preflight.statusCode()).isEqualTo(204);
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Headers"))
                .hasValueSatisfying(v -> assertThat(v).contains("Authorization", "Content-Type"));
        assertThat(post("/search/memory", "application/json", SEARCH, "Origin", "http://localhost:3001")
                        .statusCode())
                .isEqualTo(403);
    }

    // ---- Host: after DNS rebinding a page's requests carry its own host name ----

    @Test
    void aRequestNamingAnotherHostIsRefused() throws Exception {
        start(MemosServer.builder(backend));

        assertThat(rawStatusLine("POST", "/api/openmem/v1/search/memory", "attacker.example:8765", SEARCH))
                .isEqualTo("HTTP/1.1 403 Forbidden");
        assertThat(rawStatusLine("GET", "/health", "attacker.example", "")).isEqualTo("HTTP/1.1 403 Forbidden");
        assertThat(rawStatusLine("GET", "/health", null, "")).isEqualTo("HTTP/1.1 403 Forbidden");
        assertThat(backend.calls()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"localhost", "localhost:8765", "127.0.0.1", "127.0.0.1:1", "[::1]:8765", "LOCALHOST"})
    void loopbackNamesAndTheBoundAddressAreAccepted(String host) throws Exception {
        start(MemosServer.builder(backend));

        assertThat(rawStatusLine("POST", "/api/openmem/v1/search/memory", host, SEARCH))
                .isEqualTo("HTTP/1.1 200 OK");
    }

    @Test
    void anAllowedHostNameIsAccepted() throws Exception {
        start(MemosServer.builder(backend).allowHost("memos.home.arpa"));

        assertThat(rawStatusLine("GET", "/health", "memos.home.arpa:8765", "")).isEqualTo("HTTP/1.1 200 OK");
    }

    // ---- every context gets the same checks ----

    @Test
    void anAddedContextGetsTheKeyHostAndOriginChecksWithoutDoingAnything() throws Exception {
        HttpHandler extra = exchange -> {
            byte[] ok = "{\"ok\":true}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, ok.length);
            exchange.getResponseBody().write(ok);
            exchange.close();
        };
        start(MemosServer.builder(backend).apiKey("k-1").context("/extra", extra));
        String url = server.baseUrl().replace("/api/openmem/v1", "/extra");

        HttpResponse<String> noKey = postTo(url, "application/json", "{}");
        HttpResponse<String> withKey = postTo(url, "application/json", "{}", "Authorization", "Token k-1");
        HttpResponse<String> textPlain = postTo(url, "text/plain", "{}", "Authorization", "Token k-1");
        HttpResponse<String> foreignOrigin =
                postTo(url, "application/json", "{}", "Authorization", "Token k-1", "Origin", "http://evil.example");

        assertThat(noKey.statusCode()).isEqualTo(401);
        assertThat(withKey.statusCode()).isEqualTo(200);
        assertThat(withKey.body()).isEqualTo("{\"ok\":true}");
        assertThat(textPlain.statusCode()).isEqualTo(415);
        assertThat(foreignOrigin.statusCode()).isEqualTo(403);
        assertThat(rawStatusLine("POST", "/extra", "attacker.example", "{}")).isEqualTo("HTTP/1.1 403 Forbidden");
    }

    // ---- beyond loopback ----

    @Test
    void listeningBeyondLoopbackWithoutAKeyIsRefused() {
        assertThatThrownBy(() -> MemosServer.builder(backend)
                        .host("0.0.0.0")
                        .port(0)
                        .build()
                        .start())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("refusing to listen on 0.0.0.0 without an API key")
                .hasMessageContaining("--insecure-no-auth");
    }

    @Test
    void theCommandLineRefusesItWithExitTwoUnlessTheRiskIsAcceptedExplicitly() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = MemosServerMain.run(
                new String[] {"--in-memory", "--host", "0.0.0.0", "--port", "0"},
                Map.of(),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8),
                cli -> {
                    throw new AssertionError("the backend must not be opened");
                });

        assertThat(status).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("without an API key", "--insecure-no-auth");
        assertThat(ServerCommandLine.parse(
                                new String[] {"--in-memory", "--host", "0.0.0.0", "--insecure-no-auth"}, Map.of())
                        .insecureNoAuth())
                .isTrue();
    }

    @Test
    void anApiKeyWithSurroundingSpacesIsAUsageError() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = MemosServerMain.run(
                new String[] {"--in-memory", "--api-key", " k1 "},
                Map.of(),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8),
                cli -> {
                    throw new AssertionError("the backend must not be opened");
                });

        assertThat(status).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--api-key must not begin or end with whitespace");
    }
}
