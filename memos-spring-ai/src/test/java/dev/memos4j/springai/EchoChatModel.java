package dev.memos4j.springai;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.ai.chat.messages.AssistantMessage;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.model.Generation;
import org.springframework.ai.chat.prompt.Prompt;
import reactor.core.publisher.Flux;

/** A chat model that answers with the system text it was given, whole or in word-sized chunks. */
final class EchoChatModel implements ChatModel {

    final List<Prompt> prompts = new CopyOnWriteArrayList<>();

    @Override
    public ChatResponse call(Prompt prompt) {
        prompts.add(prompt);
        return response(answer(prompt));
    }

    @Override
    public Flux<ChatResponse> stream(Prompt prompt) {
        prompts.add(prompt);
        return Flux.fromArray(answer(prompt).split("(?<= )")).map(EchoChatModel::response);
    }

    static String answer(Prompt prompt) {
        return "You told me: " + prompt.getUserMessage().getText() + " | I know: "
                + prompt.getSystemMessage().getText();
    }

    private static ChatResponse response(String text) {
        return new ChatResponse(List.of(new Generation(new AssistantMessage(text))));
    }
}
