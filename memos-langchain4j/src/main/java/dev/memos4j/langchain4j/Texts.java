package dev.memos4j.langchain4j;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.Content;
import dev.langchain4j.data.message.TextContent;
import dev.langchain4j.data.message.UserMessage;
import java.util.stream.Collectors;

/** The text parts of LangChain4j messages; media parts are not text and are left out. */
final class Texts {

    private Texts() {}

    static String of(UserMessage message) {
        if (message == null) {
            return "";
        }
        if (message.hasSingleText()) {
            return message.singleText();
        }
        return message.contents().stream()
                .filter(TextContent.class::isInstance)
                .map(Content.class::cast)
                .map(c -> ((TextContent) c).text())
                .collect(Collectors.joining("\n"));
    }

    static String of(AiMessage message) {
        return message == null || message.text() == null ? "" : message.text();
    }
}
