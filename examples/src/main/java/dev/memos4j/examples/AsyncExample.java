package dev.memos4j.examples;

import dev.memos4j.client.MemosClient;
import dev.memos4j.client.errors.MemosException;
import dev.memos4j.client.model.AddMessageRequest;
import dev.memos4j.client.model.MemoryDetail;
import dev.memos4j.client.model.Message;
import dev.memos4j.client.model.SearchMemoryRequest;
import dev.memos4j.client.model.SearchMemoryResponse;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The client is asynchronous end to end: every call returns a {@link CompletableFuture}. This example
 * stores a conversation, then runs several searches in parallel and combines their results, without
 * blocking a thread until the very end of {@code main}.
 */
public final class AsyncExample {

    private static final String USER = "async-user";

    private static final List<String> QUESTIONS = List.of(
            "What plans do I have for the weekend?", "How old is my child?", "How should reminders be formatted?");

    private AsyncExample() {}

    /**
     * Runs the example.
     *
     * @param args ignored
     */
    public static void main(String[] args) {
        run(System.getenv(), System.out);
    }

    /**
     * Adds messages, then searches for several questions at once.
     *
     * @param env the environment ({@code MEMOS_API_KEY} selects MemOS cloud)
     * @param out where to print
     */
    public static void run(Map<String, String> env, PrintStream out) {
        try (MemosClient memos = ExampleBackends.memos(env)) {
            AddMessageRequest add = AddMessageRequest.builder()
                    .userId(USER)
                    .conversationId("family-chat")
                    .addMessage(Message.user("Take the kids to the zoo on Saturday."))
                    .addMessage(Message.user("My wife is Xiaoyun, and our child is 6 years old."))
                    .addMessage(Message.user("For reminders, please first list three key points."))
                    .build();

            CompletableFuture<Map<String, SearchMemoryResponse>> answers =
                    memos.addMessage(add).thenCompose(stored -> searchAll(memos, QUESTIONS));

            // Invalid requests fail when built, before anything is sent, naming the wire field.
            try {
                SearchMemoryRequest.builder().query("no subject").build();
            } catch (IllegalArgumentException e) {
                out.println("Rejected before sending: " + e.getMessage());
            }

            // A failed call completes its future exceptionally with a MemosException; recover in the chain.
            Map<String, SearchMemoryResponse> results = answers.exceptionally(error -> {
                        out.println("Search failed: "
                                + (error.getCause() instanceof MemosException e ? e.getMessage() : error.getMessage()));
                        return Map.of();
                    })
                    .join(); // main is the only place that waits
            results.forEach((question, response) -> {
                out.println(question);
                String best = response.memories().stream()
                        .findFirst()
                        .map(MemoryDetail::text)
                        .orElse("(nothing)");
                out.println("  best memory: " + best);
            });
        }
    }

    /** Starts all searches at once and completes when every one has answered, keeping the order. */
    static CompletableFuture<Map<String, SearchMemoryResponse>> searchAll(MemosClient memos, List<String> questions) {
        Map<String, CompletableFuture<SearchMemoryResponse>> inFlight = new LinkedHashMap<>();
        for (String question : questions) {
            inFlight.put(
                    question,
                    memos.searchMemory(SearchMemoryRequest.builder()
                            .userId(USER)
                            .query(question)
                            .memoryLimitNumber(3)
                            .build()));
        }
        return CompletableFuture.allOf(inFlight.values().toArray(CompletableFuture[]::new))
                .thenApply(done -> {
                    Map<String, SearchMemoryResponse> results = new LinkedHashMap<>();
                    inFlight.forEach((question, future) -> results.put(question, future.join()));
                    return results;
                });
    }
}
