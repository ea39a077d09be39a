package dev.memos4j.local.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.memos4j.local.Embedder;
import dev.memos4j.local.LocalMemos;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Slowloris on loopback: 200 connections sending their headers a byte at a time must not stop the server
 * from answering others, and the server must drop them itself. Every loop here is bounded.
 */
class SlowClientsTest {

    private static final int SLOW_CLIENTS = 200;

    private LocalMemos engine;
    private MemosServer server;
    private final List<Socket> slow = new ArrayList<>();

    @BeforeEach
    void start() {
        engine = LocalMemos.builder().inMemory().embedder(Embedder.none()).build();
        server = MemosServer.builder(engine).port(0).build().start();
    }

    @AfterEach
    void stop() {
        for (Socket socket : slow) {
            try {
                socket.close();
            } catch (IOException e) {
                // already closed by the server
            }
        }
        server.close();
        engine.close();
    }

    @Test
    void twoHundredSlowClientsDoNotStopHealthOrTheApiAndAreDroppedByTheServer() throws Exception {
        for (int i = 0; i < SLOW_CLIENTS; i++) {
            Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.port());
            socket.getOutputStream()
                    .write(("POST /api/openmem/v1/search/memory HTTP/1.1\r\nHost: 127.0.0.1\r\n")
                            .getBytes(StandardCharsets.US_ASCII));
            slow.add(socket);
        }
        trickle(3); // every slow client is now mid-headers on the server

        // A hang guard, not a timing assertion: before, these waited behind the slow clients for a minute.
        HttpClient http = HttpClient.newBuilder().build();
        String root = server.baseUrl().replace("/api/openmem/v1", "");
        HttpResponse<String> health = http.send(
                HttpRequest.newBuilder(URI.create(root + "/health"))
                        .timeout(Duration.ofSeconds(20))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> search = http.send(
                HttpRequest.newBuilder(URI.create(server.baseUrl() + "/search/memory"))
                        .timeout(Duration.ofSeconds(20))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"query\":\"q\",\"user_id\":\"u1\"}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(search.statusCode()).as(search.body()).isEqualTo(200);

        // The server closes a request that is not complete within its time limit: keep trickling (at most a
        // minute) until every slow client has been dropped.
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (trickle(1) < SLOW_CLIENTS && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        assertThat(trickle(1)).isEqualTo(SLOW_CLIENTS);
    }

    /** Sends one more header byte per slow client, {@code rounds} times; returns how many were dropped. */
    private int trickle(int rounds) throws InterruptedException {
        int dropped = 0;
        for (int round = 0; round < rounds; round++) {
            dropped = 0;
            for (Socket socket : slow) {
                try {
                    OutputStream out = socket.getOutputStream();
                    out.write('X');
                    out.flush();
                } catch (IOException e) {
                    dropped++;
                }
            }
            Thread.sleep(100);
        }
        return dropped;
    }
}
