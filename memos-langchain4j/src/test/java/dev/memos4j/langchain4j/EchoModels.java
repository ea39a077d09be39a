package dev.memos4j.langchain4j;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Chat models that answer with the last user message they were given (retrieved content included). */
final class EchoModels {

    final List<ChatRequest> requests = new CopyOnWriteArrayList<>();

    final ChatModel chat = new ChatModel() {
        @Override
        public ChatResponse doChat(ChatRequest request) {
            requests.add(request);
            return ChatResponse.builder()
                    .aiMessage(AiMessage.from(answer(request)))
                    .build();
        }
    };

    final StreamingChatModel streaming = new StreamingChatModel() {
        @Override
        public void doChat(ChatRequest request, StreamingChatResponseHandler handler) {
            requests.add(request);
            String answer = answer(request);
            for (String piece : answer.split("(?<= )")) {
                handler.onPartialResponse(piece);
            }
            handler.onCompleteResponse(
                    ChatResponse.builder().aiMessage(AiMessage.from(answer)).build());
        }
    };

    static String answer(ChatRequest request) {
        List<ChatMessage> messages = request.messages();
        for (int i = messages.size() - 1; i >= 0; i--) {
            if (messages.get(i) instanceof UserMessage user) {
                return "Echo: " + Texts.of(user);
            }
        }
        return "Echo: nothing";
    }
}
