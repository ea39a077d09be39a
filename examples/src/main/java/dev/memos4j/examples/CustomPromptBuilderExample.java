package dev.memos4j.examples;

import dev.memos4j.assistant.ChatReply;
import dev.memos4j.assistant.MemoryAugmentedChat;
import dev.memos4j.assistant.llm.ChatMessage;
import dev.memos4j.assistant.prompt.PromptBuilder;
import dev.memos4j.assistant.prompt.PromptContext;
import dev.memos4j.client.MemosClient;
import dev.memos4j.client.model.AddMessageRequest;
import dev.memos4j.client.model.Message;
import java.io.PrintStream;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Your own prompt: a {@link PromptBuilder} turns the query and the recalled memories into the messages
 * the model gets. This one writes a terse briefing, with preferences first because they decide the format,
 * and keeps the user's question untouched in its own message.
 */
public final class CustomPromptBuilderExample {

    private CustomPromptBuilderExample() {}

    /** A terse family-assistant prompt. Pure and thread-safe, as prompt builders must be. */
    static final class BriefingPromptBuilder implements PromptBuilder {

        private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.ENGLISH);

        @Override
        public List<ChatMessage> build(PromptContext context) {
            StringBuilder system = new StringBuilder("You are a family assistant. Answer in at most five lines.\n");
            system.append("Today is ").append(DAY.format(context.now())).append(".\n");
            List<String> lines = new ArrayList<>();
            context.preferenceTexts().forEach(p -> lines.add("Format rule: " + p));
            context.memoryTexts().forEach(m -> lines.add("Known: " + m));
            if (!lines.isEmpty()) {
                system.append("Briefing:\n");
                lines.forEach(line -> system.append("- ").append(line).append('\n'));
            }
            return List.of(ChatMessage.system(system.toString().strip()), ChatMessage.user(context.query()));
        }
    }

    /**
     * Runs the example.
     *
     * @param args ignored
     */
    public static void main(String[] args) {
        run(System.getenv(), System.out);
    }

    /**
     * Chats once with the custom prompt and prints exactly what the model was sent.
     *
     * @param env the environment ({@code MEMOS_API_KEY}, {@code OPENAI_API_KEY})
     * @param out where to print
     */
    public static void run(Map<String, String> env, PrintStream out) {
        try (MemosClient memos = ExampleBackends.memos(env)) {
            memos.addMessage(AddMessageRequest.builder()
                            .userId("prompt-user")
                            .conversationId("setup")
                            .addMessage(Message.user("Take the kids to the zoo on Saturday, please remember it."))
                            .addMessage(
                                    Message.user("For future reminders or plans, please first list three key points, "
                                            + "then add one short suggestion."))
                            .build())
                    .join();

            MemoryAugmentedChat chat = MemoryAugmentedChat.builder(memos, ExampleBackends.llm(env))
                    .promptBuilder(new BriefingPromptBuilder())
                    .build();
            ChatReply reply = chat.chatBlocking("prompt-user", "weekend", "What plans do I have for the weekend?");
            for (ChatMessage message : reply.messages()) {
                out.println("[" + message.role() + "]");
                out.println(message.content());
            }
            out.println("[answer]");
            out.println(reply.answer());
            reply.writeBack().join();
        }
    }
}
