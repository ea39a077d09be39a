package dev.memos4j.examples;

import dev.memos4j.assistant.ChatOptions;
import dev.memos4j.assistant.ChatReply;
import dev.memos4j.assistant.MemoryAugmentedChat;
import dev.memos4j.assistant.WriteBackPolicy;
import dev.memos4j.assistant.llm.LlmProvider;
import dev.memos4j.client.MemosClient;
import dev.memos4j.local.LocalMemos;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Memory inside an application: a small service class owns one {@link MemoryAugmentedChat} and answers
 * requests for many users asynchronously. Each user's memories are their own, and they survive a restart
 * of the service because the embedded engine keeps them in a data directory.
 */
public final class EmbeddedChatExample {

    private EmbeddedChatExample() {}

    /**
     * What an application would write: one instance per process, shared by all requests.
     */
    public static final class FamilyAssistantService implements AutoCloseable {

        private final MemosClient memos;
        private final MemoryAugmentedChat chat;

        /**
         * A service over a memory client and a model.
         *
         * @param memos where memories live; the service closes it
         * @param llm the model
         */
        public FamilyAssistantService(MemosClient memos, LlmProvider llm) {
            this.memos = memos;
            this.chat = MemoryAugmentedChat.builder(memos, llm)
                    // The reply waits until the exchange is stored, so the next request can recall it.
                    .options(ChatOptions.builder()
                            .writeBackPolicy(WriteBackPolicy.SYNC)
                            .build())
                    .build();
        }

        /**
         * Answers a user's message within a session; never blocks the caller.
         *
         * @param userId whose memories to use
         * @param sessionId the conversation, e.g. the web session id
         * @param message what the user said
         * @return the answer
         */
        public CompletableFuture<String> ask(String userId, String sessionId, String message) {
            return chat.chat(userId, sessionId, message).thenApply(ChatReply::answer);
        }

        @Override
        public void close() {
            memos.close();
        }
    }

    /**
     * Runs the example in a temporary data directory.
     *
     * @param args ignored
     */
    public static void main(String[] args) {
        try {
            run(System.getenv(), Files.createTempDirectory("memos4j-embedded-chat"), System.out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Starts the service, tells it facts for two users, restarts it and asks again.
     *
     * @param env the environment ({@code OPENAI_API_KEY} connects OpenAI; memory stays local here)
     * @param dataDirectory where the embedded engine keeps memories
     * @param out where to print
     */
    public static void run(Map<String, String> env, Path dataDirectory, PrintStream out) {
        try (FamilyAssistantService service =
                new FamilyAssistantService(LocalMemos.open(dataDirectory), ExampleBackends.llm(env))) {
            CompletableFuture.allOf(
                            service.ask(
                                    "alice", "session-1", "Take the kids to the zoo on Saturday, please remember it."),
                            service.ask("bob", "session-2", "I have a dentist appointment on Saturday morning."))
                    .join();
            out.println("Day 1: told the service about Alice's zoo trip and Bob's dentist appointment.");
        }

        // A new process the next day: same data directory, new service.
        try (FamilyAssistantService service =
                new FamilyAssistantService(LocalMemos.open(dataDirectory), ExampleBackends.llm(env))) {
            String alice = service.ask("alice", "session-3", "What plans do I have for the weekend?")
                    .join();
            String bob = service.ask("bob", "session-4", "What plans do I have for the weekend?")
                    .join();
            out.println("Day 2, Alice asks about the weekend:");
            out.println(alice);
            out.println("Day 2, Bob asks about the weekend:");
            out.println(bob);
        }
    }
}
