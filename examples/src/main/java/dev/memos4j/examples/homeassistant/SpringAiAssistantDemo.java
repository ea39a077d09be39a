package dev.memos4j.examples.homeassistant;

import dev.memos4j.assistant.ChatOptions;
import dev.memos4j.assistant.WriteBackPolicy;
import dev.memos4j.assistant.prompt.DefaultPromptBuilder;
import dev.memos4j.assistant.prompt.NumberedMemoriesPromptBuilder;
import dev.memos4j.assistant.prompt.PromptContext;
import dev.memos4j.client.MemosClient;
import dev.memos4j.springai.MemosMemoryAdvisor;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.chat.client.ChatClientResponse;
import org.springframework.ai.chat.messages.AssistantMessage;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.model.Generation;
import org.springframework.ai.chat.prompt.Prompt;
import org.springframework.ai.openai.OpenAiChatModel;
import org.springframework.ai.openai.OpenAiChatOptions;
import reactor.core.publisher.Flux;

/**
 * The home assistant on Spring AI: a {@link ChatClient} with {@link MemosMemoryAdvisor}, streaming.
 *
 * <pre>{@code
 * java -jar examples/target/spring-ai-assistant.jar --yes
 * }</pre>
 */
public final class SpringAiAssistantDemo implements FrameworkDemo.Framework {

    /**
     * Runs the demo on the terminal.
     *
     * @param args the options; {@code --help} lists them
     */
    public static void main(String[] args) {
        FrameworkDemo.main(new SpringAiAssistantDemo(), "spring-ai-assistant", args);
    }

    @Override
    public String name() {
        return "Spring AI";
    }

    @Override
    public String jar() {
        return "spring-ai-assistant.jar";
    }

    @Override
    public FrameworkDemo.Assistant open(
            MemosClient memos, String userId, Map<String, String> env, boolean connected, List<String> banner) {
        ChatModel model;
        if (connected) {
            String name = Optional.ofNullable(env.get("OPENAI_MODEL")).orElse("gpt-4o");
            OpenAiChatOptions.Builder options = OpenAiChatOptions.builder()
                    .apiKey(env.get("OPENAI_API_KEY"))
                    .model(name);
            Optional.ofNullable(env.get("OPENAI_BASE_URL")).ifPresent(options::baseUrl);
            model = OpenAiChatModel.builder().options(options.build()).build();
            banner.add("\uD83E\uDD16 Model: Spring AI OpenAiChatModel, " + name + " (streaming)");
        } else {
            model = new OfflineModel();
            banner.add("\uD83E\uDD16 Model: offline stand-in that echoes the memories it was given (OPENAI_API_KEY"
                    + " connects OpenAI); only your own words are stored meanwhile.");
        }
        MemosMemoryAdvisor advisor = MemosMemoryAdvisor.builder(memos)
                .promptBuilder(DefaultPromptBuilder.builder()
                        .instructions(NumberedMemoriesPromptBuilder.HOME_ASSISTANT_INSTRUCTIONS
                                .strip()
                                .replaceAll("\n\\s+", "\n"))
                        .build())
                // A terminal demo stores each exchange before the next question, so that one can recall it;
                // a server keeps the default, ASYNC, and never makes the reply wait.
                .options(ChatOptions.builder()
                        .writeBackPolicy(connected ? WriteBackPolicy.SYNC : WriteBackPolicy.NONE)
                        .build())
                .build();
        ChatClient chat = ChatClient.builder(model).defaultAdvisors(advisor).build();
        return (conversationId, query, deltas, recalled) -> {
            StringBuilder whole = new StringBuilder();
            AtomicBoolean first = new AtomicBoolean(true);
            chat
                    .prompt()
                    .user(query)
                    .advisors(a -> a.param(MemosMemoryAdvisor.USER_ID, userId)
                            .param(MemosMemoryAdvisor.CONVERSATION_ID, conversationId))
                    .stream()
                    .chatClientResponse()
                    .doOnNext(response -> {
                        if (first.getAndSet(false)) {
                            report(response, recalled);
                        }
                        String text = text(response);
                        whole.append(text);
                        deltas.accept(text);
                    })
                    .blockLast();
            return whole.toString();
        };
    }

    private static void report(ChatClientResponse response, Consumer<List<String>> recalled) {
        if (response.context().get(MemosMemoryAdvisor.RECALLED) instanceof PromptContext context) {
            recalled.accept(context.memoryTexts());
        }
    }

    private static String text(ChatClientResponse response) {
        ChatResponse chat = response.chatResponse();
        if (chat == null
                || chat.getResult() == null
                || chat.getResult().getOutput().getText() == null) {
            return "";
        }
        return chat.getResult().getOutput().getText();
    }

    /** The offline stand-in: answers with the memories block of the system prompt, word by word. */
    static final class OfflineModel implements ChatModel {

        @Override
        public ChatResponse call(Prompt prompt) {
            return response(answer(prompt));
        }

        @Override
        public Flux<ChatResponse> stream(Prompt prompt) {
            return Flux.fromArray(answer(prompt).split("(?<= )")).map(OfflineModel::response);
        }

        private static String answer(Prompt prompt) {
            return OfflineEcho.answer(prompt.getSystemMessage().getText(), "<memories>", "</memories>");
        }

        private static ChatResponse response(String text) {
            return new ChatResponse(List.of(new Generation(new AssistantMessage(text))));
        }
    }
}
