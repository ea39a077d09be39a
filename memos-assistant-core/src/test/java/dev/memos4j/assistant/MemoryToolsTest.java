package dev.memos4j.assistant;

import static dev.memos4j.testkit.MemosEndpoint.ADD_MESSAGE;
import static dev.memos4j.testkit.MemosEndpoint.SEARCH_MEMORY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.JsonNode;
import dev.memos4j.assistant.tools.MemoryTools;
import dev.memos4j.assistant.tools.Tool;
import dev.memos4j.client.internal.Json;
import dev.memos4j.client.model.MemoryDetail;
import dev.memos4j.client.model.SearchMemoryRequest;
import dev.memos4j.testkit.FakeMemosClient;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The memory tools reach the bound user's memories and nobody else's, whatever the model writes. */
class MemoryToolsTest {

    private static final Instant T0 = Instant.parse("2026-11-20T08:00:00Z");
    private static final String ALICE = "alice";
    private static final String BOB = "bob";

    private final FakeMemosClient memos = new FakeMemosClient();

    {
        memos.remember(ALICE, "Alice takes the kids to the zoo on Saturday", T0);
        memos.remember(ALICE, "Alice likes green tea", T0.plus(Duration.ofHours(1)));
        memos.remember(BOB, "Bob has a dentist appointment on Monday", T0);
    }

    private final MemoryTools alice = MemoryTools.forUser(memos, ALICE);

    private String call(String tool, String arguments) {
        return alice.tool(tool)
                .orElseThrow()
                .call(arguments)
                .orTimeout(10, TimeUnit.SECONDS)
                .join();
    }

    private Throwable failure(String tool, String arguments) {
        Throwable thrown = catchThrowable(() -> call(tool, arguments));
        assertThat(thrown).isInstanceOf(CompletionException.class);
        return thrown.getCause();
    }

    private static JsonNode json(String text) {
        return Json.tree(Json.MAPPER.convertValue(readTree(text), Object.class));
    }

    private static JsonNode readTree(String text) {
        try {
            return Json.MAPPER.readTree(text);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private String bobsMemoryId() {
        return json(MemoryTools.forUser(memos, BOB)
                        .tool(MemoryTools.LIST_MEMORIES)
                        .orElseThrow()
                        .call("{}")
                        .join())
                .at("/memories/0/id")
                .asText();
    }

    @Test
    void theSixToolsHaveUpstreamNamesAndObjectSchemasWithoutAUserArgument() {
        assertThat(alice.tools())
                .extracting(Tool::name)
                .containsExactly(
                        "search_memories",
                        "add_memory",
                        "get_memory",
                        "update_memory",
                        "delete_memory",
                        "list_memories");
        for (Tool tool : alice.tools()) {
            assertThat(tool.definition().parameters()).containsEntry("type", "object");
            assertThat(tool.definition().parameters().toString()).doesNotContain("user_id");
            assertThat(tool.definition().description()).isNotBlank();
        }
        assertThat(alice.userId()).isEqualTo(ALICE);
        assertThat(alice.toString()).contains("alice", "search_memories");
        assertThat(alice.tool("nope")).isEmpty();
    }

    @Test
    void searchFindsTheBoundUsersMemoriesOnly() {
        JsonNode result = json(call(MemoryTools.SEARCH_MEMORIES, "{\"query\": \"zoo on Saturday\", \"limit\": 1}"));

        assertThat(result.at("/memories/0/memory").asText()).isEqualTo("Alice takes the kids to the zoo on Saturday");
        assertThat(result.at("/memories/0/id").asText()).startsWith("mem-");
        assertThat(result.at("/memories/0/created").asText()).isEqualTo("2026-11-20T08:00:00Z");
        assertThat(result.get("memories")).hasSize(1);
        assertThat(memos.requests(SEARCH_MEMORY))
                .extracting(SearchMemoryRequest::userId)
                .allMatch(u -> u.orElseThrow().equals(ALICE));
    }

    @Test
    void addRemembersForTheBoundUserAndListShowsItFirst() {
        JsonNode stored = json(call(MemoryTools.ADD_MEMORY, "{\"memory_content\": \"Alice's car is blue\"}"));
        call(MemoryTools.ADD_MEMORY, "{\"messages\": [{\"role\": \"user\", \"content\": \"I moved to Lyon\"}]}");

        assertThat(stored.get("stored").asBoolean()).isTrue();
        assertThat(stored.get("task_id").asText()).startsWith("task-");
        assertThat(memos.requests(ADD_MESSAGE))
                .allMatch(a -> a.userId().orElseThrow().equals(ALICE));
        JsonNode list = json(call(MemoryTools.LIST_MEMORIES, "{\"limit\": 2}"));
        assertThat(list.get("memories")).extracting(JsonNode::toString).hasSize(2);
        assertThat(list.at("/memories/0/memory").asText()).isEqualTo("I moved to Lyon");
        assertThat(list.at("/memories/1/memory").asText()).isEqualTo("Alice's car is blue");
        assertThat(list.get("total").asInt()).isEqualTo(4);
        assertThat(texts(BOB)).containsExactly("Bob has a dentist appointment on Monday");
    }

    @Test
    void getUpdateAndDeleteWorkOnTheUsersOwnMemory() {
        String id = json(call(MemoryTools.SEARCH_MEMORIES, "{\"query\": \"green tea\"}"))
                .at("/memories/0/id")
                .asText();

        assertThat(json(call(MemoryTools.GET_MEMORY, "{\"memory_id\": \"" + id + "\"}"))
                        .get("memory")
                        .asText())
                .isEqualTo("Alice likes green tea");
        call(
                MemoryTools.UPDATE_MEMORY,
                "{\"memory_id\": \"" + id + "\", \"memory_content\": \"Alice likes jasmine tea\"}");
        assertThat(texts(ALICE)).contains("Alice likes jasmine tea").doesNotContain("Alice likes green tea");
        assertThat(json(call(MemoryTools.DELETE_MEMORY, "{\"memory_id\": \"" + id + "\"}"))
                        .get("deleted")
                        .asText())
                .isEqualTo(id);
        assertThat(texts(ALICE)).containsExactly("Alice takes the kids to the zoo on Saturday");
    }

    @Test
    void aModelThatNamesAnotherUserIsRefusedAndThatUserIsUntouched() {
        Throwable search = failure(MemoryTools.SEARCH_MEMORIES, "{\"query\": \"dentist\", \"user_id\": \"bob\"}");
        Throwable add = failure(MemoryTools.ADD_MEMORY, "{\"memory_content\": \"pwned\", \"user_id\": \"bob\"}");
        Throwable cube = failure(MemoryTools.DELETE_MEMORY, "{\"memory_id\": \"x\", \"cube_id\": \"bob\"}");

        assertThat(search).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("user_id cannot be set");
        assertThat(add).hasMessageContaining("user_id cannot be set");
        assertThat(cube).hasMessageContaining("cube_id cannot be set");
        assertThat(memos.requests(SEARCH_MEMORY)).isEmpty(); // refused before any request
        assertThat(memos.requests(ADD_MESSAGE)).isEmpty();
        assertThat(texts(BOB)).containsExactly("Bob has a dentist appointment on Monday");
    }

    @Test
    void anotherUsersMemoryIdCannotBeReadChangedOrDeleted() {
        String bobs = bobsMemoryId();

        Throwable get = failure(MemoryTools.GET_MEMORY, "{\"memory_id\": \"" + bobs + "\"}");
        Throwable update = failure(
                MemoryTools.UPDATE_MEMORY, "{\"memory_id\": \"" + bobs + "\", \"memory_content\": \"changed\"}");
        Throwable delete = failure(MemoryTools.DELETE_MEMORY, "{\"memory_id\": \"" + bobs + "\"}");
        Throwable unknown = failure(MemoryTools.DELETE_MEMORY, "{\"memory_id\": \"mem-404\"}");

        assertThat(get).hasMessageContaining("is not one of this user's memories");
        assertThat(update).hasMessageContaining("is not one of this user's memories");
        assertThat(delete).hasMessageContaining("is not one of this user's memories");
        // Unknown and foreign ids get the same answer: nothing tells the model another user's id exists.
        assertThat(unknown.getMessage()).isEqualTo(delete.getMessage().replace(bobs, "mem-404"));
        assertThat(texts(BOB)).containsExactly("Bob has a dentist appointment on Monday");
    }

    @Test
    void ownershipIsCheckedAcrossPages() {
        FakeMemosClient many = new FakeMemosClient();
        for (int i = 0; i < 120; i++) {
            many.remember(ALICE, "fact number " + i, T0.plusSeconds(i));
        }
        MemoryTools tools = MemoryTools.forUser(many, ALICE);
        // The fake numbers ids in insertion order: the oldest, mem-1, is on the third page of 50, newest first.
        String oldest = "mem-1";

        String read = tools.tool(MemoryTools.GET_MEMORY)
                .orElseThrow()
                .call("{\"memory_id\": \"" + oldest + "\"}")
                .join();

        assertThat(json(read).get("id").asText()).isEqualTo(oldest);
    }

    @Test
    void badArgumentsFailWithTheFieldAndTheRuleBeforeAnyRequest() {
        assertThat(failure(MemoryTools.SEARCH_MEMORIES, "{not json")).hasMessageContaining("not valid JSON");
        assertThat(failure(MemoryTools.SEARCH_MEMORIES, "[1]")).hasMessageContaining("must be a JSON object");
        assertThat(failure(MemoryTools.SEARCH_MEMORIES, "{}")).hasMessageContaining("query is required");
        assertThat(failure(MemoryTools.SEARCH_MEMORIES, "{\"query\": 3}")).hasMessageContaining("query must be");
        assertThat(failure(MemoryTools.SEARCH_MEMORIES, "{\"query\": \"x\", \"limit\": 500}"))
                .hasMessageContaining("limit must be between 1 and 50");
        assertThat(failure(MemoryTools.SEARCH_MEMORIES, "{\"query\": \"x\", \"limit\": \"many\"}"))
                .hasMessageContaining("limit must be an integer");
        assertThat(failure(MemoryTools.SEARCH_MEMORIES, "{\"query\": \"x\", \"top_k\": 3}"))
                .hasMessageContaining("unknown argument \"top_k\"");
        assertThat(failure(MemoryTools.ADD_MEMORY, "{}"))
                .hasMessageContaining("exactly one of memory_content and messages");
        assertThat(failure(MemoryTools.ADD_MEMORY, "{\"messages\": [{\"role\": \"system\", \"content\": \"x\"}]}"))
                .hasMessageContaining("messages[0].role");
        assertThat(failure(MemoryTools.ADD_MEMORY, "{\"messages\": [{\"role\": \"user\"}]}"))
                .hasMessageContaining("messages[0].content");
        assertThat(failure(MemoryTools.ADD_MEMORY, "{\"messages\": []}")).hasMessageContaining("non-empty array");
        assertThat(failure(MemoryTools.UPDATE_MEMORY, "{\"memory_id\": \"m\"}"))
                .hasMessageContaining("memory_content is required");
        assertThat(memos.requests(SEARCH_MEMORY)).isEmpty();
        assertThat(memos.requests(ADD_MESSAGE)).isEmpty();
        // A quoted number is accepted: some models write them that way.
        assertThat(json(call(MemoryTools.LIST_MEMORIES, "{\"limit\": \"1\"}")).get("memories"))
                .hasSize(1);
    }

    @Test
    void builderRulesNameTheField() {
        assertThatThrownBy(() -> MemoryTools.forUser(memos, " ")).hasMessageContaining("userId is required");
        assertThatThrownBy(() -> MemoryTools.builder(memos, ALICE).defaultLimit(0))
                .hasMessageContaining("defaultLimit");
        assertThatThrownBy(() -> MemoryTools.builder(memos, ALICE).conversationId(""))
                .hasMessageContaining("conversationId");
        MemoryTools filed = MemoryTools.builder(memos, ALICE)
                .conversationId("notes")
                .defaultLimit(1)
                .build();
        filed.tool(MemoryTools.ADD_MEMORY)
                .orElseThrow()
                .call("{\"memory_content\": \"x y z\"}")
                .join();
        assertThat(memos.requests(ADD_MESSAGE).get(0).conversationId()).contains("notes");
    }

    /** The texts of a user's memories in the fake's store, oldest first. */
    private List<String> texts(String userId) {
        return memos.memories(userId).stream().map(MemoryDetail::text).toList();
    }
}
