package dev.memos4j.client.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.memos4j.client.internal.Json;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Builders: what a request holds when only the required fields are set (the documented defaults), that every
 * setter reaches the wire under its MemOS name, and that {@code toBuilder()} reproduces the request.
 */
class RequestBuildersTest {

    private static final Map<String, Object> FILTER =
            Map.of("and", List.of(Map.of("tags", Map.of("contains", "home"))));

    private static JsonNode wire(Object request) {
        return Json.MAPPER.valueToTree(request);
    }

    @Test
    void chatDefaults() {
        ChatRequest chat =
                ChatRequest.builder().userId("u").conversationId("c").query("q").build();

        assertThat(chat.internetSearch()).isFalse();
        assertThat(chat.forceStop()).isFalse();
        assertThat(chat.useMemOsCube()).isFalse();
        assertThat(chat.addMessageOnAnswer()).isTrue();
        assertThat(chat.asyncMode()).isTrue();
        assertThat(chat.allowPublic()).isFalse();
        assertThat(chat.maxTokens()).isEqualTo(8192);
        assertThat(chat.temperature()).isEqualTo(0.7);
        assertThat(chat.topP()).isEqualTo(0.95);
        assertThat(chat.includePreference()).isTrue();
        assertThat(chat.preferenceLimitNumber()).isEqualTo(6);
        assertThat(chat.memoryLimitNumber()).isEqualTo(6);
        assertThat(chat.stream()).isFalse();
        assertThat(chat.includeToolMemory()).isFalse();
        assertThat(chat.toolMemoryLimitNumber()).isEqualTo(6);
        assertThat(chat.source()).isEmpty();
        assertThat(chat.filter()).isEmpty();
        assertThat(chat.relativity()).isEmpty();
    }

    @Test
    void chatEverySetterReachesTheWireAndSurvivesToBuilder() {
        ChatRequest chat = ChatRequest.builder()
                .userId("u")
                .conversationId("c")
                .query("q")
                .internetSearch(true)
                .forceStop(true)
                .useMemOsCube(true)
                .source("app")
                .systemPrompt("Be brief. {memories}")
                .modelName("m-1")
                .knowledgebaseIds(List.of("kb-1"))
                .filter(FILTER)
                .addMessageOnAnswer(false)
                .appId("app-1")
                .agentId("agent-1")
                .asyncMode(false)
                .tags(List.of("t"))
                .info(Map.of("room", "kitchen"))
                .allowPublic(true)
                .allowKnowledgebaseIds(List.of("kb-2"))
                .maxTokens(100)
                .temperature(0.1)
                .topP(0.5)
                .includePreference(false)
                .preferenceLimitNumber(1)
                .memoryLimitNumber(2)
                .stream(true)
                .includeToolMemory(true)
                .toolMemoryLimitNumber(3)
                .relativity(0.4)
                .build();

        JsonNode json = wire(chat);
        assertThat(json.get("user_id").asText()).isEqualTo("u");
        assertThat(json.get("conversation_id").asText()).isEqualTo("c");
        assertThat(json.get("internet_search").asBoolean()).isTrue();
        assertThat(json.get("force_stop").asBoolean()).isTrue();
        assertThat(json.get("use_mem_os_cube").asBoolean()).isTrue();
        assertThat(json.get("system_prompt").asText()).isEqualTo("Be brief. {memories}");
        assertThat(json.get("model_name").asText()).isEqualTo("m-1");
        assertThat(json.get("knowledgebase_ids").get(0).asText()).isEqualTo("kb-1");
        assertThat(json.get("filter")
                        .get("and")
                        .get(0)
                        .get("tags")
                        .get("contains")
                        .asText())
                .isEqualTo("home");
        assertThat(json.get("add_message_on_answer").asBoolean()).isFalse();
        assertThat(json.get("app_id").asText()).isEqualTo("app-1");
        assertThat(json.get("agent_id").asText()).isEqualTo("agent-1");
        assertThat(json.get("async_mode").asBoolean()).isFalse();
        assertThat(json.get("info").get("room").asText()).isEqualTo("kitchen");
        assertThat(json.get("allow_public").asBoolean()).isTrue();
        assertThat(json.get("allow_knowledgebase_ids").get(0).asText()).isEqualTo("kb-2");
        assertThat(json.get("max_tokens").asInt()).isEqualTo(100);
        assertThat(json.get("temperature").asDouble()).isEqualTo(0.1);
        assertThat(json.get("top_p").asDouble()).isEqualTo(0.5);
        assertThat(json.get("include_preference").asBoolean()).isFalse();
        assertThat(json.get("preference_limit_number").asInt()).isEqualTo(1);
        assertThat(json.get("memory_limit_number").asInt()).isEqualTo(2);
        assertThat(json.get("stream").asBoolean()).isTrue();
        assertThat(json.get("include_tool_memory").asBoolean()).isTrue();
        assertThat(json.get("tool_memory_limit_number").asInt()).isEqualTo(3);
        assertThat(json.get("relativity").asDouble()).isEqualTo(0.4);

        assertThat(chat.toBuilder().build()).isEqualTo(chat);
        ChatRequest notStreamed = chat.withStream(false);
        assertThat(notStreamed.stream()).isFalse();
        assertThat(notStreamed.withStream(true)).isEqualTo(chat);
    }

    @Test
    void searchDefaultsAndEverySetter() {
        SearchMemoryRequest minimal =
                SearchMemoryRequest.builder().query("q").agentId("a").build();
        assertThat(minimal.memoryLimitNumber()).isEqualTo(6);
        assertThat(minimal.includePreference()).isTrue();
        assertThat(minimal.preferenceLimitNumber()).isEqualTo(6);
        assertThat(minimal.includeToolMemory()).isFalse();
        assertThat(minimal.toolMemoryLimitNumber()).isEqualTo(6);
        assertThat(minimal.includeSkill()).isFalse();
        assertThat(minimal.skillLimitNumber()).isEqualTo(6);
        assertThat(minimal.userId()).isEmpty();
        assertThat(minimal.agentId()).contains("a");

        SearchMemoryRequest full = SearchMemoryRequest.builder()
                .query("q")
                .userId("u")
                .conversationId("c")
                .memoryLimitNumber(1)
                .includePreference(false)
                .preferenceLimitNumber(2)
                .includeToolMemory(true)
                .toolMemoryLimitNumber(3)
                .includeSkill(true)
                .skillLimitNumber(4)
                .knowledgebaseIds(List.of("all"))
                .filter(FILTER)
                .relativity(0.3)
                .includeMemoryView(List.of("v"))
                .contextFormat("markdown")
                .source("web")
                .build();
        JsonNode json = wire(full);
        assertThat(json.get("conversation_id").asText()).isEqualTo("c");
        assertThat(json.get("include_skill").asBoolean()).isTrue();
        assertThat(json.get("skill_limit_number").asInt()).isEqualTo(4);
        assertThat(json.get("knowledgebase_ids").get(0).asText()).isEqualTo("all");
        assertThat(json.get("include_memory_view").get(0).asText()).isEqualTo("v");
        assertThat(json.get("context_format").asText()).isEqualTo("markdown");
        assertThat(json.get("source").asText()).isEqualTo("web");
        assertThat(json.get("relativity").asDouble()).isEqualTo(0.3);
        assertThat(full.toBuilder().build()).isEqualTo(full);
        assertThat(full.toBuilder().memoryLimitNumber(9).build().memoryLimitNumber())
                .isEqualTo(9);
    }

    @Test
    void addMessageDefaultsEverySetterAndCopiesItsLists() {
        List<String> tags = new java.util.ArrayList<>(List.of("t1"));
        AddMessageRequest add = AddMessageRequest.builder()
                .addMessage(Message.user("Zoo on Saturday"))
                .addMessage(Message.assistant("Noted"))
                .agentId("a")
                .conversationId("c")
                .info(Map.of("k", "v"))
                .source("app")
                .appId("app-1")
                .allowPublic(true)
                .allowKnowledgebaseIds(List.of("kb"))
                .allowMemoryView(List.of("v"))
                .tags(tags)
                .asyncMode(false)
                .build();
        tags.add("added later");

        assertThat(add.tags()).contains(List.of("t1"));
        assertThat(add.messages()).extracting(Message::text).containsExactly("Zoo on Saturday", "Noted");
        JsonNode json = wire(add);
        assertThat(json.get("messages").get(1).get("role").asText()).isEqualTo("assistant");
        assertThat(json.get("allow_public").asBoolean()).isTrue();
        assertThat(json.get("allow_memory_view").get(0).asText()).isEqualTo("v");
        assertThat(json.get("async_mode").asBoolean()).isFalse();
        assertThat(json.get("app_id").asText()).isEqualTo("app-1");
        assertThat(add.toBuilder().build()).isEqualTo(add);

        AddMessageRequest minimal = AddMessageRequest.builder()
                .userId("u")
                .messages(List.of(Message.user("hi")))
                .build();
        assertThat(minimal.allowPublic()).isFalse();
        assertThat(minimal.asyncMode()).isTrue();
        assertThat(minimal.tags()).isEmpty();
    }

    @Test
    void feedbackGetMemoryAndGetMessage() {
        AddFeedbackRequest feedback = AddFeedbackRequest.builder()
                .feedbackContent("The zoo trip moved to Sunday")
                .userId("u")
                .conversationId("c")
                .agentId("a")
                .appId("app")
                .feedbackTime("2026-11-25 10:00:00")
                .allowPublic(true)
                .allowKnowledgebaseIds(List.of("kb"))
                .build();
        assertThat(wire(feedback).get("feedback_time").asText()).isEqualTo("2026-11-25 10:00:00");
        assertThat(feedback.toBuilder().build()).isEqualTo(feedback);
        assertThat(AddFeedbackRequest.builder()
                        .feedbackContent("x")
                        .userId("u")
                        .build()
                        .allowPublic())
                .isFalse();

        GetMemoryRequest defaults = GetMemoryRequest.builder().userId("u").build();
        assertThat(defaults.page()).isEqualTo(1);
        assertThat(defaults.size()).isEqualTo(10);
        assertThat(defaults.includePreference()).isTrue();
        assertThat(defaults.includeToolMemory()).isTrue();
        GetMemoryRequest memory = GetMemoryRequest.builder()
                .agentId("a")
                .page(2)
                .size(50)
                .includePreference(false)
                .includeToolMemory(false)
                .includeMemoryView(List.of("v"))
                .filter(FILTER)
                .build();
        assertThat(wire(memory).get("size").asInt()).isEqualTo(50);
        assertThat(memory.toBuilder().build()).isEqualTo(memory);

        GetMessageRequest message = GetMessageRequest.builder()
                .userId("u")
                .conversationId("c")
                .conversationLimitNumber(100)
                .messageLimitNumber(1)
                .source("app")
                .build();
        assertThat(wire(message).get("message_limit_number").asInt()).isEqualTo(1);
        assertThat(message.toBuilder().build()).isEqualTo(message);
        assertThat(GetMessageRequest.builder()
                        .userId("u")
                        .conversationId("c")
                        .build()
                        .messageLimitNumber())
                .isEmpty();
    }

    @Test
    void profilesUpdatesRerankAndExtraction() {
        EditProfileRequest edit = EditProfileRequest.builder()
                .agentId("a")
                .profileTemplateId("t")
                .metadata(Map.of("basic", Map.of("city", "Hangzhou")))
                .removeFields(List.of("basic.job"))
                .build();
        assertThat(wire(edit).get("remove_fields").get(0).asText()).isEqualTo("basic.job");
        assertThat(edit.toBuilder().build()).isEqualTo(edit);
        assertThat(EditProfileRequest.builder()
                        .userId("u")
                        .profileTemplateId("t")
                        .removeFields(List.of("a"))
                        .build()
                        .metadata())
                .isEmpty();

        DeleteProfileRequest delete = DeleteProfileRequest.builder()
                .userId("u")
                .profileTemplateId("t")
                .build();
        assertThat(delete.toBuilder().agentId("a").userId(null).build().agentId())
                .contains("a");

        UpdateMemoryRequest update = UpdateMemoryRequest.builder()
                .memoryId("m")
                .content("c")
                .title("t")
                .status("archived")
                .build();
        assertThat(wire(update).get("memory_id").asText()).isEqualTo("m");
        assertThat(update.toBuilder().build()).isEqualTo(update);
        assertThat(UpdateMemoryRequest.builder()
                        .memoryId("m")
                        .status("archived")
                        .build()
                        .content())
                .isEmpty();

        RerankRequest rerank = RerankRequest.builder()
                .query("q")
                .documents(List.of("a", "b"))
                .model("r")
                .topN(1)
                .build();
        assertThat(wire(rerank).get("top_n").asInt()).isEqualTo(1);
        assertThat(rerank.toBuilder().build()).isEqualTo(rerank);

        ExtractMemoryRequest extract = ExtractMemoryRequest.builder()
                .addMessage(Message.user("I like tea"))
                .extractionTypes(List.of("preference"))
                .model("x")
                .build();
        assertThat(wire(extract).get("extraction_types").get(0).asText()).isEqualTo("preference");
        assertThat(extract.toBuilder().build()).isEqualTo(extract);
        assertThat(extract.toBuilder()
                        .messages(List.of(Message.system("s")))
                        .build()
                        .messages())
                .extracting(Message::role)
                .containsExactly(Role.SYSTEM);
    }

    @Test
    void knowledgeBaseRequests() {
        CreateKnowledgebaseRequest create = CreateKnowledgebaseRequest.builder()
                .knowledgebaseName("Recipes")
                .knowledgebaseDescription("family recipes")
                .build();
        assertThat(wire(create).get("knowledgebase_description").asText()).isEqualTo("family recipes");
        assertThat(create.toBuilder().build()).isEqualTo(create);

        AddKnowledgebaseFileRequest add = AddKnowledgebaseFileRequest.builder()
                .knowledgebaseId("kb")
                .addFile(KnowledgebaseFile.ofUrl("https://example.com/a.pdf", "a.pdf"))
                .build();
        assertThat(wire(add).get("file").get(0).get("content").asText()).isEqualTo("https://example.com/a.pdf");
        assertThat(add.toBuilder()
                        .file(List.of(KnowledgebaseFile.ofBytes(new byte[] {1, 2}, null)))
                        .build()
                        .file())
                .singleElement()
                .satisfies(f -> assertThat(f.name()).isEmpty());

        GetKnowledgebaseFileRequest list = GetKnowledgebaseFileRequest.builder()
                .knowledgebaseId("kb")
                .type("pdf")
                .page(2)
                .pageSize(20)
                .build();
        assertThat(wire(list).get("page_size").asInt()).isEqualTo(20);
        assertThat(list.toBuilder().build()).isEqualTo(list);
        assertThat(GetKnowledgebaseFileRequest.builder()
                        .fileIds(List.of("f"))
                        .build()
                        .knowledgebaseId())
                .isEmpty();

        BindProfileTemplateRequest bind = BindProfileTemplateRequest.builder()
                .addBinding(ProfileBinding.forUser("t", "u"))
                .addBinding(ProfileBinding.forAgent("t", "a"))
                .build();
        assertThat(wire(bind).get("bind_list").get(1).get("agent_id").asText()).isEqualTo("a");
        assertThat(bind.toBuilder().build()).isEqualTo(bind);

        UploadKnowledgebaseFilesRequest upload = UploadKnowledgebaseFilesRequest.of("kb", List.of(Path.of("a.txt")));
        assertThat(upload.type()).isEmpty();
        assertThat(upload.withType("text").type()).contains("text");
    }

    @Test
    void deleteMemoryFactories() {
        assertThat(DeleteMemoryRequest.byIds(List.of("m1")).memoryIds()).contains(List.of("m1"));
        assertThat(DeleteMemoryRequest.byUser("u").userId()).contains("u");
        assertThat(DeleteMemoryRequest.byAgent("a").agentId()).contains("a");
        assertThat(DeleteMemoryRequest.byFilter(FILTER).filter()).contains(FILTER);
        assertThat(DeleteMemoryRequest.byUser("u")
                        .withMemoryType("LongTermMemory")
                        .memoryType())
                .contains("LongTermMemory");
        assertThat(wire(DeleteMemoryRequest.byIds(List.of("m1")))
                        .get("memory_ids")
                        .get(0)
                        .asText())
                .isEqualTo("m1");
    }
}
