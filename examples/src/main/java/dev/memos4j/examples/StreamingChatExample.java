package dev.memos4j.examples;

import dev.memos4j.assistant.ChatReply;
import dev.memos4j.assistant.ChatReplyStream;
import dev.memos4j.assistant.MemoryAugmentedChat;
import dev.memos4j.client.MemosClient;
import dev.memos4j.client.model.AddMessageRequest;
import dev.memos4j.client.model.Message;
import java.io.PrintStream;
import java.util.Map;

/**
 * A memory-augmented chat turn whose answer is printed as it streams in: the chat searches the user's
 * memories, builds the prompt, streams the model's answer piece by piece, then stores the exchange.
 *
 * <p>Without {@code OPENAI_API_KEY} the not-connected model streams a description of its prompt, line by
 * line; with it, OpenAI streams the real answer.
 */
public final class StreamingChatExample {

    private StreamingChatExample() {}

    /**
     * Runs the example.
     *
     * @param args ignored
     */
    public static void main(String[] args) {
        run(System.getenv(), System.out);
    }

    /**
     * Seeds a memory, then streams one answer that uses it.
     *
     * @param env the environment ({@code MEMOS_API_KEY}, {@code OPENAI_API_KEY})
     * @param out where to print
     */
    public static void run(Map<String, String> env, PrintStream out) {
        try (MemosClient memos = ExampleBackends.memos(env)) {
            memos.addMessage(AddMessageRequest.builder()
                            .userId("streaming-user")
                            .conversationId("monday")
                            .addMessage(Message.user("Take the kids to the zoo on Saturday, please remember it."))
                            .build())
                    .join();

            MemoryAugmentedChat chat =
                    MemoryAugmentedChat.builder(memos, ExampleBackends.llm(env)).build();
            out.print("Assistant: ");
            ChatReplyStream stream =
                    chat.chatStream("streaming-user", "friday", "What plans do I have for the weekend?", delta -> {
                        out.print(delta);
                        out.flush();
                    });
            ChatReply reply = stream.reply().join();
            out.println();
            out.println("(" + reply.memories().size() + " memories used; search took "
                    + reply.timings().search().toMillis() + " ms, the model "
                    + reply.timings().llm().toMillis()
                    + " ms)");
            // Wait for the write-back before closing the client, so the exchange is stored.
            reply.writeBack().join();
            out.println("Exchange stored.");
        }
    }
}
