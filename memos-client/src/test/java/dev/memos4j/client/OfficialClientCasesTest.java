package dev.memos4j.client;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import dev.memos4j.client.errors.MemosAuthenticationException;
import dev.memos4j.client.errors.MemosServerException;
import dev.memos4j.client.model.*;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The behaviours pinned by the official Python client's test suite, replayed against WireMock. */
@WireMockTest
class OfficialClientCasesTest {

    private static final String BASE = "/openmem/v1/";
    private static final String OK_TASK =
            TestClients.envelope("{\"success\":true,\"task_id\":\"t-1\",\"status\":\"running\"}");
    private static final String OK_SUCCESS = TestClients.envelope("{\"success\":true}");

    private final TestClients.RecordingScheduler scheduler = new TestClients.RecordingScheduler();
    private MemosClient client;

    @BeforeEach
    void setUp(WireMockRuntimeInfo wm) {
        client = TestClients.builder(wm, scheduler).build();
    }

    @AfterEach
    void tearDown() {
        client.close();
        scheduler.shutdownNow();
    }

    private static void stub(String path, String body) {
        stubFor(post(BASE + path).willReturn(okJson(body)));
    }

    private static void verifyBody(String path, String json) {
        verify(1, postRequestedFor(urlEqualTo(BASE + path)).withRequestBody(equalToJson(json)));
    }

    private static void verifyBodyContains(String path, String json) {
        verify(1, postRequestedFor(urlEqualTo(BASE + path)).withRequestBody(equalToJson(json, false, true)));
    }

    private static void verifyNothingSent() {
        assertThat(getAllServeEvents()).isEmpty();
    }

    // 1
    @Test
    void addMessageSendsSnakeCaseAsyncModeAndAllowMemoryView() {
        stub("add/message", OK_TASK);
        client.addMessage(AddMessageRequest.builder()
                        .userId("user-1")
                        .addMessage(Message.user("hi"))
                        .asyncMode(false)
                        .allowMemoryView(List.of("kb-1"))
                        .build())
                .join();
        verifyBody("add/message", """
                {"messages":[{"role":"user","content":"hi"}],"user_id":"user-1","agent_id":null,
                 "conversation_id":null,"info":null,"source":null,"app_id":null,"allow_public":false,
                 "allow_knowledgebase_ids":null,"allow_memory_view":["kb-1"],"tags":null,"async_mode":false}""");
    }

    // 2 and 28
    @Test
    void searchWithAgentOnlySendsNullUserAndNewFields() {
        stub("search/memory", TestClients.envelope("{\"memory_detail_list\":[]}"));
        client.searchMemory(SearchMemoryRequest.builder()
                        .agentId("agent-1")
                        .query("q")
                        .relativity(0.2)
                        .includeSkill(true)
                        .skillLimitNumber(4)
                        .includeMemoryView(List.of("kb-1"))
                        .contextFormat("json")
                        .build())
                .join();
        verifyBodyContains("search/memory", """
                {"query":"q","user_id":null,"agent_id":"agent-1","conversation_id":null,"relativity":0.2,
                 "include_skill":true,"skill_limit_number":4,"include_memory_view":["kb-1"],"context_format":"json"}""");
    }

    // 3
    @Test
    void getMemoryByAgentSendsFilterAndPaging() {
        stub(
                "get/memory",
                TestClients.envelope("{\"memory_detail_list\":[],\"total\":0,\"size\":20,\"current\":2,\"pages\":0}"));
        Map<String, Object> filter = Map.of("and", List.of(Map.of("scene", "home")));
        client.getMemory(GetMemoryRequest.builder()
                        .agentId("agent-1")
                        .includeToolMemory(false)
                        .includeMemoryView(List.of("kb-1"))
                        .filter(filter)
                        .page(2)
                        .size(20)
                        .build())
                .join();
        verifyBodyContains("get/memory", """
                {"user_id":null,"agent_id":"agent-1","include_tool_memory":false,"include_memory_view":["kb-1"],
                 "filter":{"and":[{"scene":"home"}]},"page":2,"size":20}""");
    }

    // 4
    @Test
    void getMemoryWithBothSubjectsIsRejected() {
        assertThatThrownBy(() -> client.getMemory(
                        GetMemoryRequest.builder().userId("u").agentId("a").build()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("exactly one of user_id or agent_id");
        verifyNothingSent();
    }

    // 5
    @Test
    void getKnowledgebaseFilesByKnowledgebaseSendsAllFiveKeys() {
        stub("get/knowledgebase-file", TestClients.envelope("{\"file_detail_list\":[]}"));
        client.getKnowledgebaseFiles(GetKnowledgebaseFileRequest.builder()
                        .knowledgebaseId("kb-1")
                        .type("doc")
                        .page(2)
                        .pageSize(50)
                        .build())
                .join();
        verifyBody(
                "get/knowledgebase-file",
                "{\"file_ids\":null,\"knowledgebase_id\":\"kb-1\",\"type\":\"doc\",\"page\":2,\"page_size\":50}");
    }

    // 6
    @Test
    void deleteByIdsSendsOnlyTheIds() {
        stub("delete/memory", OK_SUCCESS);
        client.deleteMemory(DeleteMemoryRequest.byIds(List.of("memory-1"))).join();
        verifyBody("delete/memory", "{\"memory_ids\":[\"memory-1\"]}");
    }

    // 7
    @Test
    void deleteByUserSendsOnlyTheUser() {
        stub("delete/memory", OK_SUCCESS);
        assertThat(client.deleteMemory(DeleteMemoryRequest.byUser("user-1"))
                        .join()
                        .success())
                .isTrue();
        verifyBody("delete/memory", "{\"user_id\":\"user-1\"}");
    }

    // 8 and 36
    @Test
    void streamingChatSendsStreamTrueAndPassesUnknownPayloadsThrough() {
        stubFor(post(BASE + "chat")
                .willReturn(aResponse()
                        .withHeader("Content-Type", "text/event-stream")
                        .withBody("event: message\ndata: {\"response\":\"first\"}\n\ndata: [DONE]\n\n")));
        List<ChatEvent> events = new CopyOnWriteArrayList<>();
        ChatStream stream = client.chatStream(
                ChatRequest.builder()
                        .userId("u")
                        .conversationId("c")
                        .query("q")
                        .allowKnowledgebaseIds(List.of("kb-1"))
                        .includeToolMemory(true)
                        .toolMemoryLimitNumber(3)
                        .relativity(0.1)
                        .build(),
                events::add);

        assertThat(stream.completion().join()).isEmpty();
        assertThat(events)
                .extracting(ChatEvent::type, ChatEvent::data)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("raw", "{\"response\":\"first\"}"));
        verify(postRequestedFor(urlEqualTo(BASE + "chat")).withHeader("Accept", equalTo("text/event-stream")));
        verifyBodyContains("chat", """
                {"stream":true,"allow_knowledgebase_ids":["kb-1"],"include_tool_memory":true,
                 "tool_memory_limit_number":3,"relativity":0.1,"add_message_on_answer":true}""");
    }

    // 9
    @Test
    void uploadPutsKnowledgebaseAndTypeInTheQueryAndStreamsEachFile(@TempDir Path dir) throws Exception {
        Path notes = Files.writeString(dir.resolve("notes.txt"), "Zoo on Saturday", StandardCharsets.UTF_8);
        stubFor(post(urlPathEqualTo(BASE + "add/knowledgebase-file"))
                .willReturn(okJson(TestClients.envelope(
                        "[{\"id\":\"f1\",\"name\":\"notes.txt\",\"sizeMB\":0.01,\"status\":\"PROCESSING\"}]"))));

        List<UploadedFile> uploaded = client.uploadKnowledgebaseFiles(
                        UploadKnowledgebaseFilesRequest.of("kb-1", List.of(notes, dir.resolve("missing.pdf")))
                                .withType("doc"))
                .join();

        assertThat(uploaded).extracting(UploadedFile::id).containsExactly("f1");
        verify(
                1,
                postRequestedFor(urlPathEqualTo(BASE + "add/knowledgebase-file"))
                        .withQueryParam("knowledgebase_id", equalTo("kb-1"))
                        .withQueryParam("type", equalTo("doc"))
                        .withHeader("Content-Type", containing("multipart/form-data; boundary="))
                        .withAnyRequestBodyPart(aMultipart()
                                .withName("file")
                                .withHeader("Content-Disposition", containing("filename=\"notes.txt\""))
                                .withHeader("Content-Type", equalTo("text/plain"))
                                .withBody(equalTo("Zoo on Saturday"))));
        Files.delete(notes); // no handle left open
    }

    @Test
    void uploadWithNoExistingFileFailsBeforeSending(@TempDir Path dir) {
        assertThatThrownBy(() -> client.uploadKnowledgebaseFiles(
                        UploadKnowledgebaseFilesRequest.of("kb-1", List.of(dir.resolve("nope.pdf")))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("files must contain at least one valid file path");
        verifyNothingSent();
    }

    // 10
    @Test
    void updateMemorySendsAllFourKeys() {
        stub("update/memory", OK_SUCCESS);
        SuccessResponse response = client.updateMemory(UpdateMemoryRequest.builder()
                        .memoryId("memory-1")
                        .content("new text")
                        .title("new title")
                        .status("activated")
                        .build())
                .join();
        assertThat(response.success()).isTrue();
        verifyBody(
                "update/memory",
                "{\"memory_id\":\"memory-1\",\"content\":\"new text\",\"title\":\"new title\",\"status\":\"activated\"}");
    }

    // 11
    @Test
    void updateMemoryNeedsSomethingToChange() {
        assertThatThrownBy(() -> client.updateMemory(
                        UpdateMemoryRequest.builder().memoryId("memory-1").build()))
                .hasMessageContaining("content, title or status is required");
        verifyNothingSent();
    }

    // 12
    @Test
    void extractMemoryKeepsChatTime() {
        stub("extract/memory", TestClients.envelope("{\"success\":true,\"memory_detail_list\":[]}"));
        client.extractMemory(ExtractMemoryRequest.builder()
                        .addMessage(Message.user("I love tea").withChatTime("2025-09-12 08:00:00"))
                        .extractionTypes(List.of("memory", "preference"))
                        .model("memos-extractor-0.6b")
                        .build())
                .join();
        verifyBody("extract/memory", """
                {"messages":[{"role":"user","content":"I love tea","chat_time":"2025-09-12 08:00:00"}],
                 "extraction_types":["memory","preference"],"model":"memos-extractor-0.6b"}""");
    }

    // 13
    @Test
    void rerankSendsQueryDocumentsModelAndTopN() {
        stub("rerank", TestClients.envelope("{\"id\":\"rerank-1\",\"results\":[]}"));
        RerankResponse response = client.rerank(RerankRequest.builder()
                        .query("q")
                        .documents(List.of("a", "b"))
                        .model("memos-reranker-0.6b")
                        .topN(1)
                        .build())
                .join();
        assertThat(response.id()).contains("rerank-1");
        verifyBody(
                "rerank",
                "{\"query\":\"q\",\"documents\":[\"a\",\"b\"],\"model\":\"memos-reranker-0.6b\",\"top_n\":1}");
    }

    // 14
    @Test
    void rerankTopNMustBePositive() {
        assertThatThrownBy(() -> RerankRequest.builder()
                        .query("q")
                        .documents(List.of("a"))
                        .topN(0)
                        .build())
                .hasMessageContaining("top_n must be greater than 0");
    }

    // 15
    @Test
    void bindProfileTemplateSendsTheBindList() {
        stub("bind/profile_template", OK_SUCCESS);
        client.bindProfileTemplate(BindProfileTemplateRequest.builder()
                        .addBinding(ProfileBinding.forUser("tpl-1", "user-1"))
                        .build())
                .join();
        verifyBody(
                "bind/profile_template",
                "{\"bind_list\":[{\"profile_template_id\":\"tpl-1\",\"user_id\":\"user-1\"}]}");
    }

    // 16
    @Test
    void editProfileSendsEveryKey() {
        stub("edit/profile", OK_SUCCESS);
        client.editProfile(EditProfileRequest.builder()
                        .userId("user-1")
                        .profileTemplateId("tpl-1")
                        .metadata(Map.of("basic", Map.of("city", "Hangzhou")))
                        .removeFields(List.of("basic.job"))
                        .build())
                .join();
        verifyBody("edit/profile", """
                {"user_id":"user-1","agent_id":null,"profile_template_id":"tpl-1",
                 "metadata":{"basic":{"city":"Hangzhou"}},"remove_fields":["basic.job"]}""");
    }

    // 17
    @Test
    void editProfileNeedsMetadataOrRemoveFields() {
        assertThatThrownBy(() -> EditProfileRequest.builder()
                        .userId("user-1")
                        .profileTemplateId("tpl-1")
                        .build())
                .hasMessageContaining("metadata or remove_fields is required");
    }

    // 18
    @Test
    void deleteProfileSendsNullForTheUnusedSubject() {
        stub("delete/profile", OK_SUCCESS);
        client.deleteProfile(DeleteProfileRequest.builder()
                        .agentId("agent-1")
                        .profileTemplateId("tpl-1")
                        .build())
                .join();
        verifyBody("delete/profile", "{\"user_id\":null,\"agent_id\":\"agent-1\",\"profile_template_id\":\"tpl-1\"}");
    }

    // 19
    @Test
    void deleteProfileNeedsExactlyOneSubject() {
        assertThatThrownBy(() -> DeleteProfileRequest.builder()
                        .profileTemplateId("tpl-1")
                        .build())
                .hasMessageContaining("exactly one of user_id or agent_id is required");
        assertThatThrownBy(() -> DeleteProfileRequest.builder()
                        .userId("u")
                        .agentId("a")
                        .profileTemplateId("tpl-1")
                        .build())
                .hasMessageContaining("exactly one of user_id or agent_id is required");
    }

    // 20
    @Test
    void taskStatusObjectShape() {
        stub(
                "get/status",
                TestClients.envelope("{\"task_id\":\"t-1\",\"status\":\"running\",\"memory_views\":{\"added\":1}}"));
        TaskStatusResponse status = client.getTaskStatus("t-1").join();
        assertThat(status.taskId()).isEqualTo("t-1");
        assertThat(status.status()).isEqualTo(TaskStatus.RUNNING);
        assertThat(status.memoryViews()).contains(Map.of("added", 1));
        verifyBody("get/status", "{\"task_id\":\"t-1\"}");
    }

    // 21
    @Test
    void taskStatusLegacyListShapeIsNormalisedInOneCall() {
        stub("get/status", TestClients.envelope("[{\"status\":\"completed\"}]"));
        TaskStatusResponse status = client.getTaskStatus("task-9").join();
        assertThat(status.taskId()).isEqualTo("task-9");
        assertThat(status.status()).isEqualTo(TaskStatus.COMPLETED);
        assertThat(status.memoryViews()).isEmpty();
        verify(1, postRequestedFor(urlEqualTo(BASE + "get/status")));
    }

    // 22
    @Test
    void searchResponseKeepsSkillProfileAndEventLists() {
        stub("search/memory", TestClients.envelope("""
                {"memory_detail_list":[],"skill_detail_list":[{"id":"skill-1"}],
                 "profile_detail_list":[{"id":"profile-1"}],"event_detail_list":[{"id":"event-1"}]}"""));
        SearchMemoryResponse response = client.searchMemory(
                        SearchMemoryRequest.builder().userId("u").query("q").build())
                .join();
        assertThat(response.skillDetailList()).extracting(SkillDetail::id).containsExactly("skill-1");
        assertThat(response.profileDetailList()).extracting(DetailItem::id).containsExactly("profile-1");
        assertThat(response.eventDetailList()).extracting(DetailItem::id).containsExactly("event-1");
    }

    // 23
    @Test
    void getMemoryResponseKeepsListsAndPagination() {
        stub("get/memory", TestClients.envelope("""
                {"memory_detail_list":[],"tool_memory_detail_list":[{"id":"tool-1"}],"profile_detail_list":[{"id":"p-1"}],
                 "event_detail_list":[{"id":"e-1"}],"skill_detail_list":[{"id":"s-1"}],
                 "total":21,"size":10,"current":2,"pages":3}"""));
        GetMemoryResponse response =
                client.getMemory(GetMemoryRequest.builder().userId("u").build()).join();
        assertThat(response.toolMemoryDetailList())
                .extracting(ToolMemoryDetail::id)
                .containsExactly("tool-1");
        assertThat(response.profileDetailList()).hasSize(1);
        assertThat(response.eventDetailList()).hasSize(1);
        assertThat(response.skillDetailList()).hasSize(1);
        assertThat(List.of(response.total(), response.size(), response.current(), response.pages()))
                .containsExactly(21, 10, 2, 3);
    }

    // 24
    @Test
    void knowledgebaseFilePageKeepsPaging() {
        stub(
                "get/knowledgebase-file",
                TestClients.envelope(
                        "{\"file_detail_list\":[{\"id\":\"f1\",\"name\":\"a.pdf\",\"size\":\"1MB\",\"status\":\"completed\"}],"
                                + "\"total\":8,\"page\":2,\"page_size\":5}"));
        KnowledgebaseFilePage page = client.getKnowledgebaseFiles(GetKnowledgebaseFileRequest.builder()
                        .fileIds(List.of("f1"))
                        .build())
                .join();
        assertThat(page.total()).contains(8);
        assertThat(page.page()).contains(2);
        assertThat(page.pageSize()).contains(5);
    }

    // 25
    @Test
    void getMessageNeedsConversationId() {
        assertThatThrownBy(() -> client.getMessage(
                        GetMessageRequest.builder().userId("u").build()))
                .hasMessageContaining("conversation_id is required");
        verifyNothingSent();
    }

    // 26
    @Test
    void getMessageSendsNullLimitsByDefault() {
        stub("get/message", TestClients.envelope("{\"message_detail_list\":[{\"role\":\"user\",\"content\":\"hi\"}]}"));
        GetMessageResponse response = client.getMessage(GetMessageRequest.builder()
                        .userId("u")
                        .conversationId("c")
                        .build())
                .join();
        assertThat(response.messageDetailList()).hasSize(1);
        verifyBodyContains("get/message", "{\"conversation_limit_number\":null,\"message_limit_number\":null}");
    }

    // 27
    @Test
    void addMessageWithAgentOnly() {
        stub("add/message", OK_TASK);
        client.addMessage(AddMessageRequest.builder()
                        .agentId("agent-1")
                        .addMessage(Message.user("hi"))
                        .build())
                .join();
        verifyBodyContains("add/message", "{\"user_id\":null,\"agent_id\":\"agent-1\",\"conversation_id\":null}");
    }

    // 29
    @Test
    void searchWithBothSubjectsIsRejectedBeforeSending() {
        assertThatThrownBy(() -> client.searchMemory(SearchMemoryRequest.builder()
                        .userId("u")
                        .agentId("a")
                        .query("q")
                        .build()))
                .hasMessageContaining("exactly one of user_id or agent_id");
        verifyNothingSent();
    }

    // 30
    @Test
    void createKnowledgebaseSendsNullDescription() {
        stub("create/knowledgebase", TestClients.envelope("{\"id\":\"kb-7\"}"));
        CreateKnowledgebaseResponse created = client.createKnowledgebase(CreateKnowledgebaseRequest.builder()
                        .knowledgebaseName("Home")
                        .build())
                .join();
        assertThat(created.id()).isEqualTo("kb-7");
        verifyBody("create/knowledgebase", "{\"knowledgebase_name\":\"Home\",\"knowledgebase_description\":null}");
    }

    // 31
    @Test
    void addFeedbackWithoutConversation() {
        stub("add/feedback", OK_TASK);
        client.addFeedback(AddFeedbackRequest.builder()
                        .userId("u")
                        .feedbackContent("I don't like swimming")
                        .build())
                .join();
        verifyBodyContains("add/feedback", "{\"conversation_id\":null,\"feedback_content\":\"I don't like swimming\"}");
    }

    // 32
    @Test
    void chatDefaultsTemperatureAndTopP() {
        stub("chat", TestClients.envelope("{\"response\":\"Hello\"}"));
        ChatResponse answer = client.chat(ChatRequest.builder()
                        .userId("u")
                        .conversationId("c")
                        .query("q")
                        .build())
                .join();
        assertThat(answer.response()).isEqualTo("Hello");
        verifyBodyContains("chat", "{\"temperature\":0.7,\"top_p\":0.95,\"stream\":false}");
    }

    // 33
    @Test
    void getMemorySizeIsCapped() {
        assertThatThrownBy(() -> client.getMemory(
                        GetMemoryRequest.builder().userId("u").size(51).build()))
                .hasMessageContaining("size must be less than or equal to 50");
        verifyNothingSent();
    }

    // 34
    @Test
    void getMemoryByIdIsOneGetWithTheClientHeaders() {
        stubFor(get(BASE + "get/memory/memory-1")
                .willReturn(okJson(TestClients.envelope("{\"id\":\"memory-1\",\"memory_type\":\"LongTermMemory\"}"))));
        MemoryDetail memory = client.getMemoryById("memory-1").join();
        assertThat(memory.id()).isEqualTo("memory-1");
        assertThat(memory.memoryType()).contains(MemoryType.of("LongTermMemory"));
        verify(
                1,
                getRequestedFor(urlEqualTo(BASE + "get/memory/memory-1"))
                        .withHeader("Authorization", equalTo("Token test-key"))
                        .withHeader("Content-Type", equalTo("application/json")));
    }

    // 35
    @Test
    void getMemoryByIdNeedsAnId() {
        assertThatThrownBy(() -> client.getMemoryById("")).hasMessage("memid is required");
        verifyNothingSent();
    }

    // ---- further behaviours ----

    @Test
    void http500IsTriedThreeTimesThenSurfacesAsServerError() {
        stubFor(post(BASE + "search/memory").willReturn(serverError().withBody("oops")));
        assertThatThrownBy(() -> client.blocking()
                        .searchMemory(SearchMemoryRequest.builder()
                                .userId("u")
                                .query("q")
                                .build()))
                .isInstanceOf(MemosServerException.class)
                .hasMessageContaining("HTTP 500");
        verify(3, postRequestedFor(urlEqualTo(BASE + "search/memory")));
    }

    @Test
    void invalidKeyEnvelopeFailsFastAfterOneAttempt() {
        stub("search/memory", "{\"code\":40132,\"message\":\"API Key is invalid or expired\",\"data\":null}");
        assertThatThrownBy(() -> client.blocking()
                        .searchMemory(SearchMemoryRequest.builder()
                                .userId("u")
                                .query("q")
                                .build()))
                .isInstanceOfSatisfying(MemosAuthenticationException.class, e -> {
                    assertThat(e.errorCode()).contains(40132);
                    assertThat(e.serviceMessage()).isEqualTo("API Key is invalid or expired");
                });
        verify(1, postRequestedFor(urlEqualTo(BASE + "search/memory")));
    }

    @Test
    void statusWithoutTaskIdIsDefaulted() {
        stub("get/status", TestClients.envelope("{\"status\":\"running\"}"));
        assertThat(client.getTaskStatus("t-42").join().taskId()).isEqualTo("t-42");
    }

    @Test
    void explicitNullPreferenceNoteIsAccepted() {
        stub("search/memory", TestClients.envelope("{\"memory_detail_list\":[],\"preference_note\":null}"));
        SearchMemoryResponse response = client.searchMemory(
                        SearchMemoryRequest.builder().userId("u").query("q").build())
                .join();
        assertThat(response.preferenceNote()).isEmpty();
    }

    @Test
    void memoryIdIsEncodedWithNoSafeCharacters() {
        stubFor(get(BASE + "get/memory/a%2Fb%20c").willReturn(okJson(TestClients.envelope("{\"id\":\"a/b c\"}"))));
        assertThat(client.getMemoryById("a/b c").join().id()).isEqualTo("a/b c");
        verify(1, getRequestedFor(urlEqualTo(BASE + "get/memory/a%2Fb%20c")));
    }

    @Test
    void everyEndpointUsesItsExactPath() {
        stubFor(post(BASE + "delete/knowledgebase").willReturn(okJson(OK_SUCCESS)));
        stubFor(post(BASE + "delete/knowledgebase-file").willReturn(okJson(OK_SUCCESS)));
        stubFor(post(BASE + "add/knowledgebase-file").willReturn(okJson(TestClients.envelope("[{\"id\":\"f1\"}]"))));
        client.deleteKnowledgebase("kb-1").join();
        client.deleteKnowledgebaseFiles(List.of("f1")).join();
        client.addKnowledgebaseFiles(AddKnowledgebaseFileRequest.builder()
                        .knowledgebaseId("kb-1")
                        .addFile(new KnowledgebaseFile("https://example.test/a.pdf", java.util.Optional.of("a.pdf")))
                        .build())
                .join();
        verifyBody("delete/knowledgebase", "{\"knowledgebase_id\":\"kb-1\"}");
        verifyBody("delete/knowledgebase-file", "{\"file_ids\":[\"f1\"]}");
        verifyBody(
                "add/knowledgebase-file",
                "{\"knowledgebase_id\":\"kb-1\",\"file\":[{\"content\":\"https://example.test/a.pdf\",\"name\":\"a.pdf\"}]}");
    }
}
