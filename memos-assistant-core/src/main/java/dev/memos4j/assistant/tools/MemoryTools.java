package dev.memos4j.assistant.tools;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.memos4j.assistant.llm.ToolDefinition;
import dev.memos4j.client.MemosClient;
import dev.memos4j.client.internal.Json;
import dev.memos4j.client.model.AddMessageRequest;
import dev.memos4j.client.model.DeleteMemoryRequest;
import dev.memos4j.client.model.GetMemoryRequest;
import dev.memos4j.client.model.MemoryDetail;
import dev.memos4j.client.model.Message;
import dev.memos4j.client.model.Role;
import dev.memos4j.client.model.SearchMemoryRequest;
import dev.memos4j.client.model.UpdateMemoryRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * Memory as tools: search, remember, read, correct, forget and list a user's memories, over any
 * {@link MemosClient} (MemOS cloud, self-hosted, or the embedded local engine).
 *
 * <pre>{@code
 * MemoryTools memory = MemoryTools.forUser(memosClient, "user-123");
 * MemoryAugmentedChat chat = MemoryAugmentedChat.builder(memosClient, llm).tools(memory.tools()).build();
 * }</pre>
 *
 * <p>The tools are bound to the user the application names here. No tool takes a user id: an argument
 * such as {@code user_id} is refused with an error the model reads, and reading, changing or deleting a
 * memory by id first checks that the memory is one of this user's, so a model can never reach another
 * user's memories, whatever it writes. The names and arguments follow the MemOS MCP server where they
 * overlap: {@value #SEARCH_MEMORIES}, {@value #ADD_MEMORY}, {@value #GET_MEMORY}, {@value #UPDATE_MEMORY},
 * {@value #DELETE_MEMORY}, plus {@value #LIST_MEMORIES}. Results are compact JSON text.
 */
public final class MemoryTools {

    /** Searches the user's memories: {@code {"query": "...", "limit": 10}}. */
    public static final String SEARCH_MEMORIES = "search_memories";
    /** Remembers a fact or an exchange: {@code {"memory_content": "..."}} or {@code {"messages": [...]}}. */
    public static final String ADD_MEMORY = "add_memory";
    /** Reads one memory: {@code {"memory_id": "..."}}. */
    public static final String GET_MEMORY = "get_memory";
    /** Rewrites one memory: {@code {"memory_id": "...", "memory_content": "..."}}. */
    public static final String UPDATE_MEMORY = "update_memory";
    /** Forgets one memory: {@code {"memory_id": "..."}}. */
    public static final String DELETE_MEMORY = "delete_memory";
    /** Lists the most recent memories: {@code {"limit": 10}}. */
    public static final String LIST_MEMORIES = "list_memories";

    private static final int MAX_LIMIT = 50;
    private static final String MEMORY_ID = "memory_id";
    private static final String MEMORY_CONTENT = "memory_content";

    /** A tool's definition and the argument names it accepts. */
    private record Described(ToolDefinition definition, Set<String> arguments) {}

    private static final List<Described> DEFINITIONS = List.of(
            describe(
                    SEARCH_MEMORIES,
                    "Search the user's long-term memories for facts relevant to a question.",
                    Map.of("query", string("what to look for"), "limit", limit("how many memories, 1-50")),
                    List.of("query")),
            describe(
                    ADD_MEMORY,
                    "Remember something about the user for later conversations: a fact as text"
                            + " (memory_content), or an exchange (messages).",
                    Map.of(MEMORY_CONTENT, string("the fact to remember"), "messages", messagesSchema()),
                    List.of()),
            describe(
                    GET_MEMORY,
                    "Read one of the user's memories by its id.",
                    Map.of(MEMORY_ID, string("the memory's id")),
                    List.of(MEMORY_ID)),
            describe(
                    UPDATE_MEMORY,
                    "Replace the text of one of the user's memories, e.g. to correct it.",
                    Map.of(MEMORY_ID, string("the memory's id"), MEMORY_CONTENT, string("the new text")),
                    List.of(MEMORY_ID, MEMORY_CONTENT)),
            describe(
                    DELETE_MEMORY,
                    "Forget one of the user's memories, by its id.",
                    Map.of(MEMORY_ID, string("the memory's id")),
                    List.of(MEMORY_ID)),
            describe(
                    LIST_MEMORIES,
                    "List the user's most recent memories, newest first.",
                    Map.of("limit", limit("how many memories, 1-50")),
                    List.of()));

    private final MemosClient memos;
    private final String userId;
    private final String conversationId;
    private final int defaultLimit;
    private final List<Tool> tools;

    private MemoryTools(Builder b) {
        this.memos = b.memos;
        this.userId = b.userId;
        this.conversationId = b.conversationId;
        this.defaultLimit = b.defaultLimit;
        Map<String, Function<ToolArguments, CompletableFuture<String>>> handlers = Map.of(
                SEARCH_MEMORIES, this::search,
                ADD_MEMORY, this::add,
                GET_MEMORY, this::get,
                UPDATE_MEMORY, this::update,
                DELETE_MEMORY, this::delete,
                LIST_MEMORIES, this::list);
        this.tools = DEFINITIONS.stream()
                .map(d -> tool(
                        d.definition(),
                        d.arguments(),
                        handlers.get(d.definition().name())))
                .toList();
    }

    /**
     * The memory tools of one user, with the defaults.
     *
     * @param memos where the memories live
     * @param userId the user whose memories the tools reach; required, not blank
     * @return the tools
     */
    public static MemoryTools forUser(MemosClient memos, String userId) {
        return builder(memos, userId).build();
    }

    /**
     * A builder for one user's memory tools.
     *
     * @param memos where the memories live
     * @param userId the user whose memories the tools reach; required, not blank
     * @return the builder
     */
    public static Builder builder(MemosClient memos, String userId) {
        return new Builder(memos, userId);
    }

    /**
     * The definitions of the six tools, the same for every user: what a model or an MCP host is shown.
     *
     * @return the definitions, in the order of {@link #tools()}
     */
    public static List<ToolDefinition> definitions() {
        return DEFINITIONS.stream().map(Described::definition).toList();
    }

    /**
     * All six tools, in a stable order.
     *
     * @return the tools
     */
    public List<Tool> tools() {
        return tools;
    }

    /**
     * One tool by name.
     *
     * @param name e.g. {@link #SEARCH_MEMORIES}
     * @return the tool, empty when no memory tool has that name
     */
    public Optional<Tool> tool(String name) {
        return tools.stream().filter(t -> t.name().equals(name)).findFirst();
    }

    /**
     * The user the tools are bound to.
     *
     * @return the user id
     */
    public String userId() {
        return userId;
    }

    @Override
    public String toString() {
        return "MemoryTools{userId=" + userId + ", tools="
                + tools.stream().map(Tool::name).toList() + "}";
    }

    // ---- the tools ----

    private CompletableFuture<String> search(ToolArguments args) {
        SearchMemoryRequest request = SearchMemoryRequest.builder()
                .query(args.requiredText("query"))
                .userId(userId)
                .memoryLimitNumber(args.optionalInt("limit", defaultLimit, 1, MAX_LIMIT))
                .build();
        return memos.searchMemory(request).thenApply(response -> {
            ObjectNode result = Json.MAPPER.createObjectNode();
            ArrayNode memories = result.putArray("memories");
            response.memories().forEach(m -> memories.add(memoryNode(m)));
            ArrayNode preferences = result.putArray("preferences");
            response.preferences()
                    .forEach(p -> preferences.addObject().put("id", p.id()).put("preference", p.preference()));
            return Json.write(result);
        });
    }

    private CompletableFuture<String> add(ToolArguments args) {
        Optional<String> content = args.optionalText(MEMORY_CONTENT);
        JsonNode messagesArg = args.get("messages");
        boolean hasMessages = messagesArg != null && !messagesArg.isNull();
        if (content.isPresent() == hasMessages) {
            throw new IllegalArgumentException("exactly one of memory_content and messages is required");
        }
        List<Message> messages =
                content.map(text -> List.of(Message.user(text))).orElseGet(() -> messages(messagesArg));
        AddMessageRequest.Builder request =
                AddMessageRequest.builder().userId(userId).messages(messages);
        if (conversationId != null) {
            request.conversationId(conversationId);
        }
        return memos.addMessage(request.build()).thenApply(receipt -> {
            ObjectNode result = Json.MAPPER.createObjectNode().put("stored", receipt.success());
            receipt.taskId().ifPresent(id -> result.put("task_id", id));
            receipt.status().ifPresent(status -> result.put("status", status.toString()));
            return Json.write(result);
        });
    }

    private CompletableFuture<String> get(ToolArguments args) {
        String memoryId = args.requiredText(MEMORY_ID);
        return findOwned(memoryId, 1).thenApply(memory -> Json.write(memoryNode(memory)));
    }

    private CompletableFuture<String> update(ToolArguments args) {
        String memoryId = args.requiredText(MEMORY_ID);
        UpdateMemoryRequest request = UpdateMemoryRequest.builder()
                .memoryId(memoryId)
                .content(args.requiredText(MEMORY_CONTENT))
                .build();
        return findOwned(memoryId, 1)
                .thenCompose(owned -> memos.updateMemory(request))
                .thenApply(done -> Json.write(Json.MAPPER.createObjectNode().put("updated", memoryId)));
    }

    private CompletableFuture<String> delete(ToolArguments args) {
        String memoryId = args.requiredText(MEMORY_ID);
        return findOwned(memoryId, 1)
                .thenCompose(owned -> memos.deleteMemory(DeleteMemoryRequest.byIds(List.of(memoryId))))
                .thenApply(done -> Json.write(Json.MAPPER.createObjectNode().put("deleted", memoryId)));
    }

    private CompletableFuture<String> list(ToolArguments args) {
        int limit = args.optionalInt("limit", defaultLimit, 1, MAX_LIMIT);
        return memos.getMemory(page(1, limit)).thenApply(response -> {
            ObjectNode result = Json.MAPPER.createObjectNode();
            ArrayNode memories = result.putArray("memories");
            response.memoryDetailList().forEach(m -> memories.add(memoryNode(m)));
            result.put("total", response.total());
            return Json.write(result);
        });
    }

    /**
     * The memory with this id among the user's own, page by page: a memory id alone reaches any user's
     * memory on the service, so ownership is checked before anything is read, changed or deleted.
     */
    private CompletableFuture<MemoryDetail> findOwned(String memoryId, int page) {
        return memos.getMemory(page(page, MAX_LIMIT)).thenCompose(response -> {
            for (MemoryDetail memory : response.memoryDetailList()) {
                if (memory.id().equals(memoryId)) {
                    return CompletableFuture.completedFuture(memory);
                }
            }
            if (response.memoryDetailList().isEmpty() || page >= response.pages()) {
                // The same answer whether the id is unknown or another user's: nothing leaks.
                return CompletableFuture.failedFuture(
                        new IllegalArgumentException("memory_id " + memoryId + " is not one of this user's memories"));
            }
            return findOwned(memoryId, page + 1);
        });
    }

    private GetMemoryRequest page(int page, int size) {
        return GetMemoryRequest.builder()
                .userId(userId)
                .page(page)
                .size(size)
                .includePreference(false)
                .includeToolMemory(false)
                .build();
    }

    private static List<Message> messages(JsonNode node) {
        if (!node.isArray() || node.isEmpty()) {
            throw new IllegalArgumentException("messages must be a non-empty array of {role, content}");
        }
        List<Message> messages = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            JsonNode m = node.get(i);
            String role = m.path("role").asText("");
            String content = m.path("content").isTextual() ? m.path("content").asText() : "";
            if (!role.equals("user") && !role.equals("assistant")) {
                throw new IllegalArgumentException("messages[" + i + "].role must be \"user\" or \"assistant\"");
            }
            if (content.isBlank()) {
                throw new IllegalArgumentException("messages[" + i + "].content must be a non-blank string");
            }
            messages.add(Message.of(Role.of(role), content));
        }
        return messages;
    }

    private static ObjectNode memoryNode(MemoryDetail memory) {
        ObjectNode node = Json.MAPPER.createObjectNode().put("id", memory.id()).put("memory", memory.memoryValue());
        memory.createTime().flatMap(t -> t.toInstant()).ifPresent(t -> node.put("created", t.toString()));
        memory.relativity().ifPresent(r -> node.put("relevance", Math.round(r * 1000) / 1000.0));
        return node;
    }

    private static Described describe(
            String name, String description, Map<String, Object> properties, List<String> required) {
        return new Described(
                new ToolDefinition(name, description, schema(properties, required)), Set.copyOf(properties.keySet()));
    }

    private static Tool tool(
            ToolDefinition definition, Set<String> allowed, Function<ToolArguments, CompletableFuture<String>> run) {
        return Tool.of(definition, json -> {
            try {
                return run.apply(ToolArguments.parse(json, allowed));
            } catch (RuntimeException e) {
                return CompletableFuture.failedFuture(e);
            }
        });
    }

    private static Map<String, Object> schema(Map<String, Object> properties, List<String> required) {
        return Map.of("type", "object", "properties", properties, "required", required, "additionalProperties", false);
    }

    private static Map<String, Object> string(String description) {
        return Map.of("type", "string", "description", description);
    }

    private static Map<String, Object> limit(String description) {
        return Map.of("type", "integer", "minimum", 1, "maximum", MAX_LIMIT, "description", description);
    }

    private static Map<String, Object> messagesSchema() {
        return Map.of(
                "type", "array",
                "description", "an exchange to remember",
                "items",
                        Map.of(
                                "type", "object",
                                "properties",
                                        Map.of(
                                                "role", Map.of("type", "string", "enum", List.of("user", "assistant")),
                                                "content", Map.of("type", "string")),
                                "required", List.of("role", "content")));
    }

    /** Builds {@link MemoryTools}. */
    public static final class Builder {
        private final MemosClient memos;
        private final String userId;
        private String conversationId;
        private int defaultLimit = 10;

        private Builder(MemosClient memos, String userId) {
            this.memos = Objects.requireNonNull(memos, "memosClient is required");
            if (userId == null || userId.isBlank()) {
                throw new IllegalArgumentException("userId is required and must not be blank");
            }
            this.userId = userId;
        }

        /**
         * The conversation that {@value #ADD_MEMORY} files memories under; none by default.
         *
         * @param conversationId the conversation id, not blank
         * @return this builder
         */
        public Builder conversationId(String conversationId) {
            if (conversationId == null || conversationId.isBlank()) {
                throw new IllegalArgumentException("conversationId must not be blank");
            }
            this.conversationId = conversationId;
            return this;
        }

        /**
         * How many memories a search or list returns when the model does not say (default 10, 1..50).
         *
         * @param limit the default limit
         * @return this builder
         */
        public Builder defaultLimit(int limit) {
            if (limit < 1 || limit > MAX_LIMIT) {
                throw new IllegalArgumentException(
                        "defaultLimit must be between 1 and " + MAX_LIMIT + ", was " + limit);
            }
            this.defaultLimit = limit;
            return this;
        }

        /**
         * The tools.
         *
         * @return the tools
         */
        public MemoryTools build() {
            return new MemoryTools(this);
        }
    }
}
