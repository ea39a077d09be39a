package dev.memos4j.examples;

import dev.memos4j.client.MemosClient;
import dev.memos4j.client.model.AddMessageRequest;
import dev.memos4j.client.model.MemoryDetail;
import dev.memos4j.client.model.Message;
import dev.memos4j.client.model.PreferenceDetail;
import dev.memos4j.client.model.SearchMemoryRequest;
import dev.memos4j.client.model.SearchMemoryResponse;
import dev.memos4j.client.model.TaskReceipt;
import java.io.PrintStream;
import java.util.Map;

/**
 * The two calls that give an application memory: {@code addMessage} stores what was said,
 * {@code searchMemory} recalls what is relevant to a new question, in a later conversation.
 *
 * <p>Runs on the embedded engine; set {@code MEMOS_API_KEY} to use MemOS cloud instead (the cloud
 * processes messages in the background, so a search right after an add may find less).
 */
public final class QuickstartExample {

    private QuickstartExample() {}

    /**
     * Runs the example.
     *
     * @param args ignored
     */
    public static void main(String[] args) {
        run(System.getenv(), System.out);
    }

    /**
     * Stores two messages, then searches in a new conversation and prints what was recalled.
     *
     * @param env the environment ({@code MEMOS_API_KEY} selects MemOS cloud)
     * @param out where to print
     */
    public static void run(Map<String, String> env, PrintStream out) {
        try (MemosClient memos = ExampleBackends.memos(env)) {
            AddMessageRequest add = AddMessageRequest.builder()
                    .userId("quickstart-user")
                    .conversationId("conversation-1")
                    .addMessage(Message.user("Take the kids to the zoo on Saturday, please remember it."))
                    .addMessage(Message.user("When reminding me, please first list three key points."))
                    .build();
            // A simple program may wait; in a server, compose the futures instead (see AsyncExample).
            TaskReceipt receipt = memos.addMessage(add).join();
            out.println("addMessage: task " + receipt.taskId().orElse("(no id)") + " is "
                    + receipt.status().map(Object::toString).orElse("accepted"));

            SearchMemoryRequest search = SearchMemoryRequest.builder()
                    .userId("quickstart-user")
                    .conversationId("conversation-2")
                    .query("What plans do I have for the weekend?")
                    .build();
            SearchMemoryResponse found = memos.searchMemory(search).join();
            out.println("searchMemory: " + found.memories().size() + " memories, "
                    + found.preferences().size() + " preferences");
            for (MemoryDetail memory : found.memories()) {
                out.printf(
                        "  memory (relativity %.2f): %s%n", memory.relativity().orElse(0.0), memory.text());
            }
            for (PreferenceDetail preference : found.preferences()) {
                out.println("  preference: " + preference.preference());
            }
        }
    }
}
