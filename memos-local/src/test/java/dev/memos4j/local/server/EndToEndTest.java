package dev.memos4j.local.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.memos4j.client.BlockingMemosClient;
import dev.memos4j.client.MemosClient;
import dev.memos4j.client.errors.MemosAuthenticationException;
import dev.memos4j.client.errors.MemosBadRequestException;
import dev.memos4j.client.errors.MemosNotFoundException;
import dev.memos4j.client.internal.Json;
import dev.memos4j.client.model.AddKnowledgebaseFileRequest;
import dev.memos4j.client.model.AddMessageRequest;
import dev.memos4j.client.model.ChatRequest;
import dev.memos4j.client.model.CreateKnowledgebaseRequest;
import dev.memos4j.client.model.DeleteMemoryRequest;
import dev.memos4j.client.model.GetKnowledgebaseFileRequest;
import dev.memos4j.client.model.GetMemoryRequest;
import dev.memos4j.client.model.GetMessageRequest;
import dev.memos4j.client.model.KnowledgebaseFile;
import dev.memos4j.client.model.MemoryDetail;
import dev.memos4j.client.model.Message;
import dev.memos4j.client.model.SearchMemoryRequest;
import dev.memos4j.client.model.SearchMemoryResponse;
import dev.memos4j.client.model.UploadKnowledgebaseFilesRequest;
import dev.memos4j.local.Embedder;
import dev.memos4j.local.LocalMemos;
import dev.memos4j.testkit.FakeMemosClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The same user story through our HTTP client against the server, and through the engine in-process:
 * both must give the same answers (ids aside, which each engine generates).
 */
class EndToEndTest {

    private static final String KEY = "local-test-key";
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-20T09:00:00Z"), ZoneOffset.UTC);

    private LocalMemos served;
    private MemosServer server;
    private MemosClient http;
    private LocalMemos inProcess;

    private static LocalMemos engine() {
        // BM25 only keeps the test fast and deterministic; the HTTP layer is what is under test.
        return LocalMemos.builder()
                .inMemory()
                .embedder(Embedder.none())
                .clock(CLOCK)
                .build();
    }

    @BeforeEach
    void start() {
        served = engine();
        server = MemosServer.builder(served).port(0).apiKey(KEY).build().start();
        http = MemosClient.builder().baseUrl(server.baseUrl()).apiKey(KEY).build();
        inProcess = engine();
    }

    @AfterEach
    void stop() {
        http.close();
        server.close();
        served.close();
        inProcess.close();
    }

    /** Runs the story on one client and returns everything it saw, ids removed. */
    private static List<JsonNode> story(BlockingMemosClient memos) {
        List<JsonNode> seen = new ArrayList<>();
        seen.add(withoutIds(memos.addMessage(AddMessageRequest.builder()
                .userId("dad")
                .conversationId("conv-1")
                .asyncMode(false)
                .addMessage(Message.user("Take the kids to the zoo on Saturday 🦁"))
                .addMessage(Message.assistant("Noted: zoo on Saturday."))
                .build())));
        seen.add(withoutIds(memos.addMessage(AddMessageRequest.builder()
                .userId("dad")
                .conversationId("conv-2")
                .asyncMode(false)
                .addMessage(Message.user("My wife is Xiaoyun, the child is 6. 周末愉快"))
                .build())));
        SearchMemoryRequest weekend = SearchMemoryRequest.builder()
                .userId("dad")
                .query("What plans do I have for the weekend at the zoo?")
                .build();
        SearchMemoryResponse found = memos.searchMemory(weekend);
        assertThat(found.memoryDetailList()).isNotEmpty();
        seen.add(withoutIds(found));
        seen.add(withoutIds(memos.getMessage(GetMessageRequest.builder()
                .userId("dad")
                .conversationId("conv-1")
                .build())));
        seen.add(withoutIds(
                memos.getMemory(GetMemoryRequest.builder().userId("dad").build())));

        MemoryDetail top = found.memoryDetailList().get(0);
        MemoryDetail byId = memos.getMemoryById(top.id());
        assertThat(byId.id()).isEqualTo(top.id());
        seen.add(withoutIds(byId));

        seen.add(withoutIds(memos.deleteMemory(DeleteMemoryRequest.byIds(List.of(top.id())))));
        SearchMemoryResponse after = memos.searchMemory(weekend);
        assertThat(after.memoryDetailList()).extracting(MemoryDetail::id).doesNotContain(top.id());
        seen.add(withoutIds(after));
        return seen;
    }

    private static JsonNode withoutIds(Object value) {
        JsonNode tree = Json.MAPPER.valueToTree(value);
        strip(tree);
        return tree;
    }

    private static void strip(JsonNode node) {
        if (node instanceof ObjectNode object) {
            object.remove(List.of("id", "task_id"));
        }
        for (Iterator<JsonNode> it = node.elements(); it.hasNext(); ) {
            strip(it.next());
        }
    }

    @Test
    void theStoryGivesTheSameResultsOverHttpAsInProcess() {
        List<JsonNode> overHttp = story(http.blocking());
        List<JsonNode> local = story(inProcess.blocking());

        assertThat(overHttp).hasSameSizeAs(local);
        for (int i = 0; i < local.size(); i++) {
            assertThat(overHttp.get(i)).as("step %d", i).isEqualTo(local.get(i));
        }
        assertThat(overHttp.get(2).toString()).contains("zoo on Saturday 🦁");
    }

    @Test
    void knowledgeBasesWorkOverHttp() {
        BlockingMemosClient memos = http.blocking();
        String kb = memos.createKnowledgebase(CreateKnowledgebaseRequest.builder()
                        .knowledgebaseName("house")
                        .build())
                .id();
        String text = Base64.getEncoder()
                .encodeToString("The boiler service is booked for October.".getBytes(StandardCharsets.UTF_8));
        memos.addKnowledgebaseFiles(AddKnowledgebaseFileRequest.builder()
                .knowledgebaseId(kb)
                .addFile(new KnowledgebaseFile(text, java.util.Optional.of("house.txt")))
                .build());

        assertThat(memos.getKnowledgebaseFiles(GetKnowledgebaseFileRequest.builder()
                                .knowledgebaseId(kb)
                                .build())
                        .fileDetailList())
                .extracting(f -> f.name().orElse(""))
                .containsExactly("house.txt");
    }

    @Test
    void fileUploadsFromTheClientReachTheEngine() throws Exception {
        BlockingMemosClient memos = http.blocking();
        String kb = memos.createKnowledgebase(CreateKnowledgebaseRequest.builder()
                        .knowledgebaseName("house")
                        .build())
                .id();
        java.nio.file.Path file =
                java.nio.file.Files.createTempDirectory("memos-upload-test").resolve("boiler.txt");
        java.nio.file.Files.writeString(file, "The boiler service is booked for October.");

        memos.uploadKnowledgebaseFiles(UploadKnowledgebaseFilesRequest.of(kb, List.of(file)));

        assertThat(memos.getKnowledgebaseFiles(GetKnowledgebaseFileRequest.builder()
                                .knowledgebaseId(kb)
                                .build())
                        .fileDetailList())
                .extracting(f -> f.name().orElse(""))
                .containsExactly("boiler.txt");
    }

    @Test
    void engineErrorsReachTheClientAsTypedExceptions() {
        assertThatThrownBy(() -> http.getMemoryById("no-such-memory").join())
                .isInstanceOf(CompletionException.class)
                .cause()
                .isInstanceOf(MemosNotFoundException.class)
                .hasMessageContaining("memory not found");
        assertThatThrownBy(() -> http.chat(ChatRequest.builder()
                                .userId("dad")
                                .conversationId("c")
                                .query("hi")
                                .build())
                        .join())
                .cause()
                .isInstanceOf(MemosBadRequestException.class)
                .hasMessageContaining("chat")
                .hasMessageContaining("not supported");
        try (MemosClient wrongKey =
                MemosClient.builder().baseUrl(server.baseUrl()).apiKey("wrong").build()) {
            assertThatThrownBy(() -> wrongKey.getMemory(
                                    GetMemoryRequest.builder().userId("dad").build())
                            .join())
                    .cause()
                    .isInstanceOf(MemosAuthenticationException.class);
        }
    }

    @Test
    void streamedChatIsReadBackByOurClient() throws Exception {
        FakeMemosClient streaming = new FakeMemosClient();
        streaming
                .on(dev.memos4j.testkit.MemosEndpoint.CHAT_STREAM)
                .thenReturn(List.of(
                        new dev.memos4j.client.model.ChatEvent("reasoning", "thinking…", null),
                        new dev.memos4j.client.model.ChatEvent("text", "Zoo on Saturday", null),
                        new dev.memos4j.client.model.ChatEvent("text", " 🦁\nand rest.", null)));
        try (MemosServer chatServer =
                        MemosServer.builder(streaming).port(0).build().start();
                MemosClient client = MemosClient.builder()
                        .baseUrl(chatServer.baseUrl())
                        .apiKey("any")
                        .build()) {
            List<dev.memos4j.client.model.ChatEvent> events = new java.util.concurrent.CopyOnWriteArrayList<>();
            String answer = client.chatStream(
                            ChatRequest.builder()
                                    .userId("dad")
                                    .conversationId("c")
                                    .query("weekend?")
                                    .build(),
                            events::add)
                    .completion()
                    .get(30, java.util.concurrent.TimeUnit.SECONDS);

            assertThat(answer).isEqualTo("Zoo on Saturday 🦁\nand rest.");
            assertThat(events)
                    .extracting(dev.memos4j.client.model.ChatEvent::type)
                    .startsWith("reasoning", "text", "text");
        }
    }

    @Test
    void theCommandLineOpensTheEmbeddedEngine() throws Exception {
        java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("memos-server-main");
        ServerCommandLine cli =
                ServerCommandLine.parse(new String[] {"--port", "0", "--data-dir", dir.toString()}, Map.of());
        try (MemosServerMain.RunningServer running = MemosServerMain.start(
                        cli,
                        new java.io.PrintStream(java.io.OutputStream.nullOutputStream()),
                        MemosServerMain::openLocalEngine);
                MemosClient client = MemosClient.builder()
                        .baseUrl(running.server().baseUrl())
                        .apiKey("any")
                        .build()) {
            client.addMessage(AddMessageRequest.builder()
                            .userId("u")
                            .conversationId("c")
                            .asyncMode(false)
                            .addMessage(Message.user("The fridge is set to 4 degrees."))
                            .build())
                    .join();
            assertThat(client.searchMemory(SearchMemoryRequest.builder()
                                    .userId("u")
                                    .query("fridge temperature")
                                    .build())
                            .join()
                            .memoryDetailList())
                    .isNotEmpty();
        }
        assertThat(dir).isNotEmptyDirectory();
    }
}
