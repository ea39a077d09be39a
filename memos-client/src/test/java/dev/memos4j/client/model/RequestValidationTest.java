package dev.memos4j.client.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Each broken rule of each request is refused when the request is built, with a message naming the field. */
class RequestValidationTest {

    private static final String LONG_ID = "u".repeat(101);
    private static final Map<String, Object> GOOD_FILTER =
            Map.of("and", List.of(Map.of("tags", Map.of("contains", "a"))));

    private static Arguments broken(String rule, Supplier<?> build, String message) {
        return Arguments.of(rule, build, message);
    }

    static Stream<Arguments> brokenRules() {
        return Stream.of(
                // search/memory
                broken(
                        "search: query required",
                        () -> SearchMemoryRequest.builder().userId("u").build(),
                        "query is required"),
                broken(
                        "search: blank query",
                        () -> SearchMemoryRequest.builder()
                                .query("  ")
                                .userId("u")
                                .build(),
                        "query is required"),
                broken(
                        "search: no subject",
                        () -> SearchMemoryRequest.builder().query("q").build(),
                        "exactly one of user_id or agent_id is required"),
                broken(
                        "search: both subjects",
                        () -> SearchMemoryRequest.builder()
                                .query("q")
                                .userId("u")
                                .agentId("a")
                                .build(),
                        "exactly one of user_id or agent_id is required"),
                broken(
                        "search: long user id",
                        () -> SearchMemoryRequest.builder()
                                .query("q")
                                .userId(LONG_ID)
                                .build(),
                        "user_id must be at most 100 characters (was 101)"),
                broken(
                        "search: long conversation id",
                        () -> SearchMemoryRequest.builder()
                                .query("q")
                                .userId("u")
                                .conversationId(LONG_ID)
                                .build(),
                        "conversation_id must be at most 100 characters (was 101)"),
                broken(
                        "search: memory limit",
                        () -> SearchMemoryRequest.builder()
                                .query("q")
                                .userId("u")
                                .memoryLimitNumber(26)
                                .build(),
                        "memory_limit_number must be between 0 and 25 (was 26)"),
                broken(
                        "search: preference limit",
                        () -> SearchMemoryRequest.builder()
                                .query("q")
                                .userId("u")
                                .preferenceLimitNumber(-1)
                                .build(),
                        "preference_limit_number must be between 0 and 25 (was -1)"),
                broken(
                        "search: tool memory limit",
                        () -> SearchMemoryRequest.builder()
                                .query("q")
                                .userId("u")
                                .toolMemoryLimitNumber(30)
                                .build(),
                        "tool_memory_limit_number must be between 0 and 25 (was 30)"),
                broken(
                        "search: skill limit",
                        () -> SearchMemoryRequest.builder()
                                .query("q")
                                .userId("u")
                                .skillLimitNumber(99)
                                .build(),
                        "skill_limit_number must be between 0 and 25 (was 99)"),
                broken(
                        "search: relativity",
                        () -> SearchMemoryRequest.builder()
                                .query("q")
                                .userId("u")
                                .relativity(1.5)
                                .build(),
                        "relativity must be between 0.0 and 1.0 (was 1.5)"),
                broken(
                        "search: NaN relativity",
                        () -> SearchMemoryRequest.builder()
                                .query("q")
                                .userId("u")
                                .relativity(Double.NaN)
                                .build(),
                        "relativity must be between 0.0 and 1.0 (was NaN)"),
                // filters, through search
                broken(
                        "filter: two roots",
                        () -> search(Map.of("and", List.of(), "or", List.of())),
                        "filter must have exactly one root key, \"and\" or \"or\""),
                broken(
                        "filter: unknown root",
                        () -> search(Map.of("not", List.of())),
                        "filter must have exactly one root key, \"and\" or \"or\""),
                broken(
                        "filter: not a list",
                        () -> search(Map.of("and", "tags")),
                        "filter.and must be a list of conditions"),
                broken(
                        "filter: empty condition",
                        () -> search(Map.of("or", List.of(Map.of()))),
                        "filter.or[0] must be a non-empty object"),
                broken(
                        "filter: condition not an object",
                        () -> search(Map.of("and", List.of("x"))),
                        "filter.and[0] must be a non-empty object"),
                broken(
                        "filter: nested logic",
                        () -> search(Map.of("and", List.of(Map.of("or", List.of())))),
                        "filter.and[0] must not nest \"and\"/\"or\""),
                broken(
                        "filter: user_id",
                        () -> search(Map.of("and", List.of(Map.of("user_id", "u")))),
                        "filter.and[0] must not filter on user_id"),
                broken(
                        "filter: category not an object",
                        () -> search(Map.of("user", "x")),
                        "filter.user must be an object"),
                broken(
                        "filter: category branch",
                        () -> search(Map.of("knowledgebase", Map.of("xor", List.of()))),
                        "filter.knowledgebase must have exactly one root key, \"and\" or \"or\""),
                // add/message
                broken(
                        "add: messages required",
                        () -> AddMessageRequest.builder().userId("u").build(),
                        "messages is required"),
                broken(
                        "add: null message",
                        () -> AddMessageRequest.builder()
                                .userId("u")
                                .messages(Arrays.asList((Message) null))
                                .build(),
                        "messages must not contain null"),
                broken(
                        "add: subject required",
                        () -> AddMessageRequest.builder()
                                .addMessage(Message.user("hi"))
                                .build(),
                        "user_id or agent_id is required"),
                broken(
                        "add: blank user among several",
                        () -> AddMessageRequest.builder()
                                .addMessage(Message.user("hi"))
                                .userIds(Arrays.asList("u1", " "))
                                .build(),
                        "user_id must not be blank or null (was [u1,  ])"),
                broken(
                        "add: repeated agent",
                        () -> AddMessageRequest.builder()
                                .addMessage(Message.user("hi"))
                                .agentIds(List.of("a", "a"))
                                .build(),
                        "agent_id must not repeat an id (was [a, a])"),
                broken(
                        "add: long user id in a list",
                        () -> AddMessageRequest.builder()
                                .addMessage(Message.user("hi"))
                                .userIds(List.of("u1", LONG_ID))
                                .build(),
                        "user_id must be at most 100 characters (was 101)"),
                broken(
                        "add: empty user list",
                        () -> AddMessageRequest.builder()
                                .addMessage(Message.user("hi"))
                                .userIds(List.of())
                                .build(),
                        "user_id or agent_id is required"),
                broken(
                        "add: long agent id",
                        () -> AddMessageRequest.builder()
                                .addMessage(Message.user("hi"))
                                .agentId(LONG_ID)
                                .build(),
                        "agent_id must be at most 100 characters (was 101)"),
                // messages
                broken(
                        "message: role required",
                        () -> new Message(null, "hi", null, null, null, null),
                        "role is required"),
                broken(
                        "message: content required",
                        () -> new Message(Role.USER, null, null, null, null, null),
                        "messages[].content is required"),
                broken(
                        "message: content type",
                        () -> new Message(Role.USER, 42, null, null, null, null),
                        "messages[].content must be a string or a list of parts"),
                // chat
                broken(
                        "chat: user id",
                        () -> ChatRequest.builder()
                                .conversationId("c")
                                .query("q")
                                .build(),
                        "user_id is required"),
                broken(
                        "chat: conversation id",
                        () -> ChatRequest.builder().userId("u").query("q").build(),
                        "conversation_id is required"),
                broken(
                        "chat: query",
                        () -> ChatRequest.builder()
                                .userId("u")
                                .conversationId("c")
                                .build(),
                        "query is required"),
                broken(
                        "chat: temperature",
                        () -> chat().temperature(2.5).build(),
                        "temperature must be between 0.0 and 2.0 (was 2.5)"),
                broken("chat: top_p", () -> chat().topP(-0.1).build(), "top_p must be between 0.0 and 1.0 (was -0.1)"),
                broken(
                        "chat: max tokens",
                        () -> chat().maxTokens(0).build(),
                        "max_tokens must be between 1 and 2147483647 (was 0)"),
                broken(
                        "chat: memory limit",
                        () -> chat().memoryLimitNumber(26).build(),
                        "memory_limit_number must be between 0 and 25 (was 26)"),
                broken(
                        "chat: preference limit",
                        () -> chat().preferenceLimitNumber(26).build(),
                        "preference_limit_number must be between 0 and 25 (was 26)"),
                broken(
                        "chat: tool memory limit",
                        () -> chat().toolMemoryLimitNumber(26).build(),
                        "tool_memory_limit_number must be between 0 and 25 (was 26)"),
                broken(
                        "chat: relativity",
                        () -> chat().relativity(-1.0).build(),
                        "relativity must be between 0.0 and 1.0 (was -1.0)"),
                broken(
                        "chat: filter",
                        () -> chat().filter(Map.of("x", 1)).build(),
                        "filter must have exactly one root key, \"and\" or \"or\""),
                broken(
                        "chat: long agent id",
                        () -> chat().agentId(LONG_ID).build(),
                        "agent_id must be at most 100 characters (was 101)"),
                // get/memory
                broken(
                        "get memory: subject",
                        () -> GetMemoryRequest.builder().build(),
                        "exactly one of user_id or agent_id is required"),
                broken(
                        "get memory: size over 50",
                        () -> GetMemoryRequest.builder().userId("u").size(51).build(),
                        "size must be less than or equal to 50"),
                broken(
                        "get memory: size 0",
                        () -> GetMemoryRequest.builder().userId("u").size(0).build(),
                        "size must be between 1 and 50 (was 0)"),
                broken(
                        "get memory: page 0",
                        () -> GetMemoryRequest.builder().userId("u").page(0).build(),
                        "page must be between 1 and 2147483647 (was 0)"),
                broken(
                        "get memory: filter",
                        () -> GetMemoryRequest.builder()
                                .userId("u")
                                .filter(Map.of("and", 1))
                                .build(),
                        "filter.and must be a list of conditions"),
                // get/message
                broken(
                        "get message: user id",
                        () -> GetMessageRequest.builder().conversationId("c").build(),
                        "user_id is required"),
                broken(
                        "get message: conversation id",
                        () -> GetMessageRequest.builder().userId("u").build(),
                        "conversation_id is required"),
                broken(
                        "get message: message limit",
                        () -> GetMessageRequest.builder()
                                .userId("u")
                                .conversationId("c")
                                .messageLimitNumber(51)
                                .build(),
                        "message_limit_number must be between 1 and 50 (was 51)"),
                broken(
                        "get message: conversation limit",
                        () -> GetMessageRequest.builder()
                                .userId("u")
                                .conversationId("c")
                                .conversationLimitNumber(0)
                                .build(),
                        "conversation_limit_number must be between 1 and 100 (was 0)"),
                // add/feedback
                broken(
                        "feedback: content",
                        () -> AddFeedbackRequest.builder().userId("u").build(),
                        "feedback_content is required"),
                broken(
                        "feedback: user",
                        () -> AddFeedbackRequest.builder().feedbackContent("no").build(),
                        "user_id is required"),
                broken(
                        "feedback: long user",
                        () -> AddFeedbackRequest.builder()
                                .feedbackContent("no")
                                .userId(LONG_ID)
                                .build(),
                        "user_id must be at most 100 characters (was 101)"),
                // update/memory
                broken(
                        "update: memory id",
                        () -> UpdateMemoryRequest.builder().content("x").build(),
                        "memory_id is required"),
                broken(
                        "update: nothing to change",
                        () -> UpdateMemoryRequest.builder()
                                .memoryId("m")
                                .title(" ")
                                .build(),
                        "content, title or status is required"),
                // rerank
                broken(
                        "rerank: query",
                        () -> RerankRequest.builder().documents(List.of("d")).build(),
                        "query is required"),
                broken(
                        "rerank: documents",
                        () -> RerankRequest.builder()
                                .query("q")
                                .documents(List.of())
                                .build(),
                        "documents is required"),
                broken(
                        "rerank: top_n",
                        () -> RerankRequest.builder()
                                .query("q")
                                .documents(List.of("d"))
                                .topN(0)
                                .build(),
                        "top_n must be greater than 0"),
                // profiles
                broken(
                        "edit profile: template",
                        () -> EditProfileRequest.builder()
                                .userId("u")
                                .metadata(Map.of("a", 1))
                                .build(),
                        "profile_template_id is required"),
                broken(
                        "edit profile: subject",
                        () -> EditProfileRequest.builder()
                                .profileTemplateId("t")
                                .metadata(Map.of("a", 1))
                                .build(),
                        "exactly one of user_id or agent_id is required"),
                broken(
                        "edit profile: no change",
                        () -> EditProfileRequest.builder()
                                .userId("u")
                                .profileTemplateId("t")
                                .removeFields(List.of())
                                .build(),
                        "metadata or remove_fields is required"),
                broken(
                        "delete profile: template",
                        () -> DeleteProfileRequest.builder().userId("u").build(),
                        "profile_template_id is required"),
                broken(
                        "delete profile: both subjects",
                        () -> DeleteProfileRequest.builder()
                                .userId("u")
                                .agentId("a")
                                .profileTemplateId("t")
                                .build(),
                        "exactly one of user_id or agent_id is required"),
                // knowledge base files
                broken(
                        "kb files: neither",
                        () -> GetKnowledgebaseFileRequest.builder().build(),
                        "exactly one of file_ids or knowledgebase_id is required"),
                broken(
                        "kb files: both",
                        () -> GetKnowledgebaseFileRequest.builder()
                                .fileIds(List.of("f"))
                                .knowledgebaseId("kb")
                                .build(),
                        "exactly one of file_ids or knowledgebase_id is required"),
                broken(
                        "kb files: page",
                        () -> GetKnowledgebaseFileRequest.builder()
                                .knowledgebaseId("kb")
                                .page(0)
                                .build(),
                        "page must be between 1 and 2147483647 (was 0)"),
                broken(
                        "kb files: page size",
                        () -> GetKnowledgebaseFileRequest.builder()
                                .knowledgebaseId("kb")
                                .pageSize(0)
                                .build(),
                        "page_size must be between 1 and 2147483647 (was 0)"),
                // extract
                broken("extract: messages", () -> ExtractMemoryRequest.builder().build(), "messages is required"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenRules")
    void refusesWithAMessageNamingTheField(String rule, Supplier<?> build, String message) {
        assertThatThrownBy(build::get)
                .isInstanceOfAny(IllegalArgumentException.class, NullPointerException.class)
                .hasMessage(message);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("validFilters")
    void acceptsWellFormedFilters(String shape, Map<String, Object> filter) {
        assertThat(search(filter).filter()).contains(filter);
    }

    static Stream<Arguments> validFilters() {
        return Stream.of(
                Arguments.of("and", GOOD_FILTER),
                Arguments.of(
                        "or",
                        Map.of("or", List.of(Map.of("tags", "a"), Map.of("create_time", Map.of("gt", "2025-01-01"))))),
                Arguments.of("per category", Map.of("user", GOOD_FILTER, "knowledgebase", GOOD_FILTER)),
                Arguments.of("empty", Map.of()));
    }

    private static SearchMemoryRequest search(Map<String, Object> filter) {
        return SearchMemoryRequest.builder()
                .query("q")
                .userId("u")
                .filter(filter)
                .build();
    }

    private static ChatRequest.Builder chat() {
        return ChatRequest.builder().userId("u").conversationId("c").query("q");
    }
}
