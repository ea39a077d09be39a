package dev.memos4j.examples;

import dev.memos4j.client.MemosClient;
import dev.memos4j.client.model.AddMessageRequest;
import dev.memos4j.client.model.Message;
import dev.memos4j.client.model.SearchMemoryRequest;
import dev.memos4j.client.model.SearchMemoryResponse;
import dev.memos4j.local.LocalMemos;
import dev.memos4j.local.server.MemosServer;
import java.io.PrintStream;

/**
 * The embedded engine served over HTTP with MemOS's API, and this SDK's HTTP client talking to it exactly
 * as it would talk to MemOS cloud. Any MemOS client (Python, curl, ...) can use the same URL.
 */
public final class LocalServerExample {

    private static final String KEY = "local-example-key";

    private LocalServerExample() {}

    /**
     * Runs the example on a free port.
     *
     * @param args ignored
     */
    public static void main(String[] args) {
        run(System.out);
    }

    /**
     * Starts the server, adds and searches over HTTP, stops the server.
     *
     * @param out where to print
     */
    public static void run(PrintStream out) {
        try (LocalMemos engine = LocalMemos.inMemory();
                MemosServer server =
                        MemosServer.builder(engine).port(0).apiKey(KEY).build().start();
                MemosClient client = MemosClient.builder()
                        .baseUrl(server.baseUrl())
                        .apiKey(KEY)
                        .build()) {
            out.println("MemOS-compatible server at " + server.baseUrl());
            out.println("Try: curl -s -H 'Authorization: Token " + KEY + "' -H 'Content-Type: application/json' "
                    + "-d '{\"user_id\":\"server-user\",\"query\":\"weekend plans\"}' " + server.baseUrl()
                    + "/search/memory");

            client.addMessage(AddMessageRequest.builder()
                            .userId("server-user")
                            .conversationId("conversation-1")
                            .addMessage(Message.user("Take the kids to the zoo on Saturday, please remember it."))
                            .build())
                    .join();
            SearchMemoryResponse found = client.searchMemory(SearchMemoryRequest.builder()
                            .userId("server-user")
                            .query("What plans do I have for the weekend?")
                            .build())
                    .join();
            out.println("Over HTTP, searchMemory found " + found.memories().size() + " memories:");
            found.memories()
                    .forEach(m -> out.printf("  %.2f  %s%n", m.relativity().orElse(0.0), m.text()));
        }
    }
}
