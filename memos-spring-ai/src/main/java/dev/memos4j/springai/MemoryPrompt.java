package dev.memos4j.springai;

import dev.memos4j.assistant.llm.ChatMessage;
import java.util.ArrayList;
import java.util.List;
import org.springframework.ai.chat.messages.AssistantMessage;
import org.springframework.ai.chat.messages.Message;
import org.springframework.ai.chat.messages.SystemMessage;
import org.springframework.ai.chat.messages.UserMessage;
import org.springframework.ai.chat.prompt.Prompt;

/**
 * Puts what a memos4j {@code PromptBuilder} produced into a Spring AI prompt: its system text joins the
 * prompt's own system message (or becomes one), any other messages it adds go just before the user's
 * message, and its final user message is dropped, because the prompt already holds the user's own message
 * (with any media) unchanged.
 */
final class MemoryPrompt {

    private MemoryPrompt() {}

    static Prompt merge(Prompt prompt, List<ChatMessage> built) {
        if (built.isEmpty()
                || !ChatMessage.USER.equals(built.get(built.size() - 1).role())) {
            throw new IllegalStateException("the PromptBuilder must return messages ending with the user's query");
        }
        StringBuilder system = new StringBuilder();
        List<Message> extra = new ArrayList<>();
        for (ChatMessage message : built.subList(0, built.size() - 1)) {
            switch (message.role()) {
                case ChatMessage.SYSTEM ->
                    system.append(system.length() == 0 ? "" : "\n\n").append(message.content());
                case ChatMessage.ASSISTANT -> extra.add(new AssistantMessage(message.content()));
                default -> extra.add(new UserMessage(message.content()));
            }
        }
        List<Message> messages = new ArrayList<>(prompt.getInstructions());
        int user = lastUserIndex(messages);
        messages.addAll(user < 0 ? messages.size() : user, extra);
        if (system.length() > 0) {
            int existing = firstSystemIndex(messages);
            if (existing < 0) {
                messages.add(0, new SystemMessage(system.toString()));
            } else {
                SystemMessage own = (SystemMessage) messages.get(existing);
                String text = own.getText() == null || own.getText().isBlank()
                        ? system.toString()
                        : own.getText() + "\n\n" + system;
                messages.set(existing, own.mutate().text(text).build());
            }
        }
        return prompt.mutate().messages(messages).build();
    }

    private static int lastUserIndex(List<Message> messages) {
        for (int i = messages.size() - 1; i >= 0; i--) {
            if (messages.get(i) instanceof UserMessage) {
                return i;
            }
        }
        return -1;
    }

    private static int firstSystemIndex(List<Message> messages) {
        for (int i = 0; i < messages.size(); i++) {
            if (messages.get(i) instanceof SystemMessage) {
                return i;
            }
        }
        return -1;
    }
}
