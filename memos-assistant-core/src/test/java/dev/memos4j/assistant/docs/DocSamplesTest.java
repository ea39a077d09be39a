package dev.memos4j.assistant.docs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.memos4j.assistant.ChatOptions;
import dev.memos4j.assistant.ChatReply;
import dev.memos4j.assistant.MemoryAugmentedChat;
import dev.memos4j.assistant.SearchFailurePolicy;
import dev.memos4j.assistant.llm.ChatMessage;
import dev.memos4j.assistant.llm.LlmRequest;
import dev.memos4j.assistant.llm.ScriptedLlmProvider;
import dev.memos4j.assistant.prompt.PromptContext;
import dev.memos4j.client.model.MemoryDetail;
import dev.memos4j.client.model.PreferenceDetail;
import dev.memos4j.client.model.Timestamp;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** The documentation's samples do what the documentation says. */
class DocSamplesTest {

    @Test
    void configuredChatSampleBuildsAndRunsAgainstAnyClient() {
        var memos = DocFixtures.memosWithZooMemory();
        MemoryAugmentedChat chat =
                ChatSamples.configured(memos, ScriptedLlmProvider.alwaysReplying("Zoo on Saturday."));

        ChatReply reply =
                chat.chat("user-123", "What plans do I have for the weekend?").join();

        assertThat(reply.turn().conversationId()).startsWith("web-");
        assertThat(reply.answer()).isEqualTo("Zoo on Saturday.");
        assertThat(ChatSamples.stream(chat)).isEqualTo("Zoo on Saturday.");
    }

    @Test
    void supplierAndScriptedSamplesWork() {
        var llm = ChatSamples.scripted();
        ChatReply reply = ChatSamples.withSessionConversation(DocFixtures.memosWithZooMemory(), llm);

        assertThat(reply.answer()).isEqualTo("Noted: zoo on Saturday.");
        assertThat(reply.turn().conversationId()).startsWith("web-");
        assertThat(llm.requests()).hasSize(1);
    }

    @Test
    void offlineSampleAnswersWithTheNotConnectedMarker() {
        MemoryAugmentedChat chat = ChatSamples.offline(DocFixtures.memosWithZooMemory());
        // The build blanks OPENAI_API_KEY for tests, so the offline branch is taken.
        assertThat(chat.chatBlocking("user-123", "c", "weekend zoo?").answer()).startsWith("[LLM not connected]");
    }

    @Test
    void oneCatchOfMemosExceptionCoversTheModelAndTheMemoryService() {
        var failingModel = ScriptedLlmProvider.builder()
                .fail(new dev.memos4j.assistant.llm.LlmRateLimitException(
                        "slow down", null, null, null, null, null, null))
                .build();
        MemoryAugmentedChat modelDown = MemoryAugmentedChat.builder(DocFixtures.memosWithZooMemory(), failingModel)
                .build();
        assertThat(ChatSamples.answerOrExplain(modelDown, "user-123", "weekend?"))
                .startsWith("The assistant is unavailable:");

        var memos = new dev.memos4j.testkit.FakeMemosClient();
        memos.on(dev.memos4j.testkit.MemosEndpoint.SEARCH_MEMORY).thenFail(dev.memos4j.testkit.Failures.status(503));
        MemoryAugmentedChat memoryDown = MemoryAugmentedChat.builder(
                        memos, ScriptedLlmProvider.alwaysReplying("unused"))
                .options(ChatOptions.builder()
                        .searchFailurePolicy(SearchFailurePolicy.STRICT)
                        .build())
                .build();
        assertThat(ChatSamples.answerOrExplain(memoryDown, "user-123", "weekend?"))
                .startsWith("Memory is unavailable:");

        assertThat(new dev.memos4j.assistant.llm.LlmIoException("down"))
                .isInstanceOf(dev.memos4j.client.errors.MemosException.class);
    }

    @Test
    void fallbackProviderUsesTheSecondModelWhenTheFirstFails() {
        var failing = ScriptedLlmProvider.builder()
                .fail(new dev.memos4j.assistant.llm.LlmIoException("down"))
                .build();
        var fallback =
                new ProviderSamples.FallbackLlmProvider(failing, ScriptedLlmProvider.alwaysReplying("from fallback"));

        assertThat(ProviderSamples.answerOrExplain(fallback, "hi")).isEqualTo("from fallback");
    }

    @Test
    void shoutingProviderStreamsAndCompletes() {
        List<String> deltas = new CopyOnWriteArrayList<>();
        var result = new ProviderSamples.ShoutingLlmProvider()
                .stream(LlmRequest.of(List.of(ChatMessage.user("zoo on saturday"))), deltas::add)
                        .completion()
                        .join();

        assertThat(result.text()).isEqualTo("ZOO ON SATURDAY");
        assertThat(deltas).containsExactly("ZOO ", "ON ", "SATURDAY");
    }

    @Test
    void compactPromptBuilderListsDatedMemoriesAndStyleRules() {
        MemoryDetail zoo = new MemoryDetail(
                "m",
                null,
                "Zoo with the kids on Saturday",
                null,
                Optional.of(Timestamp.of(Instant.parse("2026-11-22T10:00:00Z"))),
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null);
        PreferenceDetail style = new PreferenceDetail(
                "p",
                "Three key points, then one suggestion",
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null);
        PromptContext context = new PromptContext(
                "Weekend plans?",
                "u",
                "c",
                List.of(zoo),
                List.of(style),
                Optional.empty(),
                Instant.parse("2026-11-25T09:00:00Z").atZone(ZoneOffset.UTC));

        List<ChatMessage> messages = new PromptSamples.CompactPromptBuilder().build(context);

        assertThat(messages.get(0).content())
                .startsWith("You are a helpful assistant. Today is Wed 25 Nov.")
                .contains("- (Sun 22 Nov) Zoo with the kids on Saturday", "Style rules:\n- Three key points");
        assertThat(messages.get(1)).isEqualTo(ChatMessage.user("Weekend plans?"));
        assertThat(PromptSamples.familyAssistant().build(context).get(0).content())
                .startsWith("You are a warm");
        assertThat(PromptSamples.asInTheHomeAssistantExample()
                        .build(context)
                        .get(0)
                        .content())
                .endsWith("## Memories:\n1. Zoo with the kids on Saturday\n");
    }
}
