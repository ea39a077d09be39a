package dev.memos4j.client.reliability;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.findAll;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import dev.memos4j.client.MemosClient;
import dev.memos4j.client.model.AddFeedbackRequest;
import dev.memos4j.client.model.AddMessageRequest;
import dev.memos4j.client.model.ChatRequest;
import dev.memos4j.client.model.CreateKnowledgebaseRequest;
import dev.memos4j.client.model.DeleteMemoryRequest;
import dev.memos4j.client.model.EditProfileRequest;
import dev.memos4j.client.model.GetKnowledgebaseFileRequest;
import dev.memos4j.client.model.GetMemoryRequest;
import dev.memos4j.client.model.GetMessageRequest;
import dev.memos4j.client.model.Message;
import dev.memos4j.client.model.RerankRequest;
import dev.memos4j.client.model.SearchMemoryRequest;
import dev.memos4j.client.model.UpdateMemoryRequest;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every validation rule of the MemOS API, one row each: the error names the wire field and the rule, and it
 * comes before anything is sent (the stub server sees no request at all).
 */
@WireMockTest
class BadInputTest {

    static Stream<Arguments> rules() {
        return Stream.of(
                rule(
                        "add/message without user_id or agent_id",
                        "user_id or agent_id is required",
                        c -> c.addMessage(AddMessageRequest.builder()
                                .addMessage(Message.user("hi"))
                                .build())),
                rule(
                        "add/message without messages",
                        "messages",
                        c -> c.addMessage(
                                AddMessageRequest.builder().userId("u").build())),
                rule(
                        "search/memory without query",
                        "query is required",
                        c -> c.searchMemory(
                                SearchMemoryRequest.builder().userId("u").build())),
                rule(
                        "search/memory with a blank query",
                        "query is required",
                        c -> c.searchMemory(SearchMemoryRequest.builder()
                                .userId("u")
                                .query("")
                                .build())),
                rule(
                        "search/memory with both subjects",
                        "exactly one of user_id or agent_id is required",
                        c -> c.searchMemory(SearchMemoryRequest.builder()
                                .userId("u")
                                .agentId("a")
                                .query("q")
                                .build())),
                rule(
                        "search/memory with neither subject",
                        "exactly one of user_id or agent_id is required",
                        c -> c.searchMemory(
                                SearchMemoryRequest.builder().query("q").build())),
                rule(
                        "search/memory memory_limit_number above 25",
                        "memory_limit_number",
                        c -> c.searchMemory(SearchMemoryRequest.builder()
                                .userId("u")
                                .query("q")
                                .memoryLimitNumber(26)
                                .build())),
                rule(
                        "search/memory preference_limit_number above 25",
                        "preference_limit_number",
                        c -> c.searchMemory(SearchMemoryRequest.builder()
                                .userId("u")
                                .query("q")
                                .preferenceLimitNumber(26)
                                .build())),
                rule(
                        "search/memory tool_memory_limit_number above 25",
                        "tool_memory_limit_number",
                        c -> c.searchMemory(SearchMemoryRequest.builder()
                                .userId("u")
                                .query("q")
                                .toolMemoryLimitNumber(26)
                                .build())),
                rule(
                        "search/memory relativity above 1",
                        "relativity",
                        c -> c.searchMemory(SearchMemoryRequest.builder()
                                .userId("u")
                                .query("q")
                                .relativity(1.5)
                                .build())),
                rule(
                        "search/memory filter with a nested logical operator",
                        "filter",
                        c -> c.searchMemory(SearchMemoryRequest.builder()
                                .userId("u")
                                .query("q")
                                .filter(Map.of("and", List.of(Map.of("or", List.of()))))
                                .build())),
                rule(
                        "get/message without conversation_id",
                        "conversation_id is required",
                        c -> c.getMessage(
                                GetMessageRequest.builder().userId("u").build())),
                rule(
                        "get/message without user_id",
                        "user_id is required",
                        c -> c.getMessage(
                                GetMessageRequest.builder().conversationId("c").build())),
                rule(
                        "get/message message_limit_number above 50",
                        "message_limit_number",
                        c -> c.getMessage(GetMessageRequest.builder()
                                .userId("u")
                                .conversationId("c")
                                .messageLimitNumber(51)
                                .build())),
                rule(
                        "get/memory size above 50",
                        "size must be less than or equal to 50",
                        c -> c.getMemory(
                                GetMemoryRequest.builder().userId("u").size(51).build())),
                rule(
                        "get/memory page 0",
                        "page",
                        c -> c.getMemory(
                                GetMemoryRequest.builder().userId("u").page(0).build())),
                rule(
                        "get/memory with both subjects",
                        "exactly one of user_id or agent_id",
                        c -> c.getMemory(GetMemoryRequest.builder()
                                .userId("u")
                                .agentId("a")
                                .build())),
                rule("get/memory/{memid} with an empty id", "memid is required", c -> c.getMemoryById("")),
                rule("get/status with an empty task id", "task_id is required", c -> c.getTaskStatus("")),
                rule(
                        "delete/memory with no condition",
                        "exactly one delete condition is required",
                        c -> c.deleteMemory(new DeleteMemoryRequest(null, null, null, null, null))),
                rule(
                        "delete/memory with an empty id list",
                        "memory_ids must not be empty",
                        c -> c.deleteMemory(DeleteMemoryRequest.byIds(List.of()))),
                rule(
                        "delete/memory with an empty id list beside a user (never a delete-all)",
                        "memory_ids must not be empty",
                        c -> c.deleteMemory(
                                new DeleteMemoryRequest(Optional.of(List.of()), Optional.of("u"), null, null, null))),
                rule(
                        "delete/memory with a blank user",
                        "user_id must not be blank",
                        c -> c.deleteMemory(DeleteMemoryRequest.byUser(" "))),
                rule(
                        "update/memory with nothing to change",
                        "content, title or status is required",
                        c -> c.updateMemory(
                                UpdateMemoryRequest.builder().memoryId("m1").build())),
                rule(
                        "update/memory without memory_id",
                        "memory_id is required",
                        c -> c.updateMemory(
                                UpdateMemoryRequest.builder().content("x").build())),
                rule(
                        "add/feedback without feedback_content",
                        "feedback_content is required",
                        c -> c.addFeedback(
                                AddFeedbackRequest.builder().userId("u").build())),
                rule(
                        "add/feedback without user_id",
                        "user_id is required",
                        c -> c.addFeedback(AddFeedbackRequest.builder()
                                .feedbackContent("no, Sunday")
                                .build())),
                rule(
                        "chat without query",
                        "query is required",
                        c -> c.chat(ChatRequest.builder()
                                .userId("u")
                                .conversationId("c")
                                .build())),
                rule(
                        "chat without conversation_id",
                        "conversation_id is required",
                        c -> c.chat(ChatRequest.builder().userId("u").query("q").build())),
                rule(
                        "chat without user_id",
                        "user_id is required",
                        c -> c.chat(ChatRequest.builder()
                                .conversationId("c")
                                .query("q")
                                .build())),
                rule(
                        "rerank with top_n 0",
                        "top_n must be greater than 0",
                        c -> c.rerank(RerankRequest.builder()
                                .query("q")
                                .documents(List.of("d"))
                                .topN(0)
                                .build())),
                rule(
                        "rerank without documents",
                        "documents is required",
                        c -> c.rerank(RerankRequest.builder().query("q").build())),
                rule(
                        "create/knowledgebase without knowledgebase_name",
                        "knowledgebase_name is required",
                        c -> c.createKnowledgebase(
                                CreateKnowledgebaseRequest.builder().build())),
                rule(
                        "delete/knowledgebase with an empty id",
                        "knowledgebase_id is required",
                        c -> c.deleteKnowledgebase("")),
                rule(
                        "get/knowledgebase-file with both selectors",
                        "exactly one of file_ids or knowledgebase_id is required",
                        c -> c.getKnowledgebaseFiles(GetKnowledgebaseFileRequest.builder()
                                .fileIds(List.of("f"))
                                .knowledgebaseId("kb")
                                .build())),
                rule(
                        "delete/knowledgebase-file with no ids",
                        "file_ids is required",
                        c -> c.deleteKnowledgebaseFiles(List.of())),
                rule(
                        "edit/profile with nothing to change",
                        "metadata or remove_fields is required",
                        c -> c.editProfile(EditProfileRequest.builder()
                                .profileTemplateId("p")
                                .userId("u")
                                .build())),
                rule(
                        "edit/profile without profile_template_id",
                        "profile_template_id is required",
                        c -> c.editProfile(EditProfileRequest.builder()
                                .userId("u")
                                .metadata(Map.of("a", "b"))
                                .build())));
    }

    private static Arguments rule(String name, String message, Consumer<MemosClient> call) {
        return Arguments.of(name, message, call);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void badInputFailsNamingTheFieldBeforeAnyRequest(
            String name, String message, Consumer<MemosClient> call, WireMockRuntimeInfo wm) {
        try (MemosClient client = MemosClient.builder()
                .apiKey("test-key")
                .baseUrl(wm.getHttpBaseUrl() + "/openmem/v1")
                .build()) {
            Throwable error = catchThrowable(() -> call.accept(client));

            assertThat(error)
                    .as(name)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining(message);
        }
        assertThat(findAll(anyRequestedFor(anyUrl()))).as("requests sent").isEmpty();
    }
}
