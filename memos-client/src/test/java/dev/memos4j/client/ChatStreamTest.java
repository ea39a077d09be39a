package dev.memos4j.client;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import dev.memos4j.client.errors.MemosAuthenticationException;
import dev.memos4j.client.errors.MemosStreamException;
import dev.memos4j.client.errors.MemosTimeoutException;
import dev.memos4j.client.model.ChatEvent;
import dev.memos4j.client.model.ChatRequest;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@WireMockTest
class ChatStreamTest {

    private static final String CHAT = "/openmem/v1/chat";
    private static final ChatRequest REQUEST = ChatRequest.builder()
            .userId("u")
            .conversationId("c")
            .query("What is there to see in Shanghai?")
            .build();

    private final List<ChatEvent> events = new CopyOnWriteArrayList<>();
    private MemosClient client;

    @BeforeEach
    void setUp(WireMockRuntimeInfo wm) {
        client = MemosClient.builder()
                .apiKey(TestClients.KEY)
                .baseUrl(wm.getHttpBaseUrl() + "/openmem/v1")
                .streamIdleTimeout(Duration.ofMillis(300))
                .retryPolicy(RetryPolicy.builder()
                        .initialBackoff(Duration.ofMillis(10))
                        .maxBackoff(Duration.ofMillis(10))
                        .build())
                .build();
    }

    @AfterEach
    void tearDown() {
        client.close();
    }

    private static void stubStream(String body) {
        stubFor(post(CHAT)
                .willReturn(aResponse()
                        .withHeader("Content-Type", "text/event-stream")
                        .withBody(body)));
    }

    private static Throwable failureOf(ChatStream stream) {
        assertThatThrownBy(() -> stream.completion().join())
                .isInstanceOfAny(CompletionException.class, CancellationException.class);
        return stream.completion()
                .handle((v, e) -> e instanceof CompletionException ? e.getCause() : e)
                .join();
    }

    @Test
    void textEventsAreJoinedAndTheEndEventCompletesTheAnswer() {
        stubStream("""
                event: message
                data: {"type": "reasoning", "data": "thinking..."}

                event: message
                data: {"type": "text", "data": "Shanghai has "}

                : a comment line
                id: 7
                retry: 1000
                event: message
                data: {"type": "text", "data": "the Bund and Yu Garden."}

                event: message
                data: {"type": "suggestion", "data": ["Visit at night"]}

                event: message
                data: {"type": "end", "data": ""}

                """);

        ChatStream stream = client.chatStream(REQUEST, events::add);

        assertThat(stream.completion().join()).isEqualTo("Shanghai has the Bund and Yu Garden.");
        assertThat(events)
                .extracting(ChatEvent::type, ChatEvent::data)
                .containsExactly(
                        tuple("reasoning", "thinking..."),
                        tuple("text", "Shanghai has "),
                        tuple("text", "the Bund and Yu Garden."),
                        tuple("suggestion", "[\"Visit at night\"]"),
                        tuple("end", ""));
        verify(postRequestedFor(urlEqualTo(CHAT))
                .withHeader("Accept", equalTo("text/event-stream"))
                .withRequestBody(matchingJsonPath("$.stream", equalTo("true"))));
    }

    @Test
    void multiLineDataIsJoinedWithNewlinesAndOnlyOneLeadingSpaceIsStripped() {
        stubStream("data:  two spaces\r\ndata:second line\r\n\r\ndata: [DONE]\r\n\r\n");

        ChatStream stream = client.chatStream(REQUEST, events::add);

        assertThat(stream.completion().join()).isEmpty();
        assertThat(events)
                .extracting(ChatEvent::type, ChatEvent::data)
                .containsExactly(tuple("raw", " two spaces\nsecond line"));
    }

    @Test
    void anErrorEventFailsTheStreamAfterTheEventsBeforeIt() {
        stubStream("""
                data: {"type": "text", "data": "Partial"}

                data: {"type": "error", "data": "model overloaded"}

                data: {"type": "text", "data": "never seen"}

                """);

        ChatStream stream = client.chatStream(REQUEST, events::add);

        assertThat(failureOf(stream)).isInstanceOf(MemosStreamException.class).hasMessageContaining("model overloaded");
        assertThat(events).extracting(ChatEvent::data).containsExactly("Partial");
    }

    @Test
    void aStreamThatEndsBeforeDoneIsAFailureNotAPartialAnswer() {
        stubStream("data: {\"type\": \"text\", \"data\": \"Half an ans\"}\n\n");

        Throwable error = failureOf(client.chatStream(REQUEST, events::add));

        assertThat(error).isInstanceOf(MemosStreamException.class).hasMessageContaining("ended before");
        assertThat(events).hasSize(1);
    }

    @Test
    void silenceLongerThanTheIdleTimeoutFailsTheStream() {
        stubFor(post(CHAT)
                .willReturn(aResponse()
                        .withHeader("Content-Type", "text/event-stream")
                        .withBody("data: {\"type\": \"text\", \"data\": \"slow\"}\n\ndata: [DONE]\n\n")
                        .withChunkedDribbleDelay(2, 1_500)));

        Throwable error = failureOf(client.chatStream(REQUEST, events::add));

        assertThat(error).isInstanceOf(MemosTimeoutException.class).hasMessageContaining("300 ms");
    }

    @Test
    void cancelAbortsTheStream() {
        stubFor(post(CHAT)
                .willReturn(aResponse()
                        .withHeader("Content-Type", "text/event-stream")
                        .withBody("data: {\"type\": \"text\", \"data\": \"a\"}\n\ndata: [DONE]\n\n")
                        .withChunkedDribbleDelay(2, 1_500)));
        ChatStream stream = client.chatStream(REQUEST, events::add);

        stream.cancel();

        assertThat(failureOf(stream)).isInstanceOf(CancellationException.class);
        assertThat(stream.completion()).isCompletedExceptionally();
    }

    @Test
    void errorStatusBeforeTheStreamIsAServiceException() {
        stubFor(post(CHAT)
                .willReturn(aResponse()
                        .withStatus(401)
                        .withBody("{\"code\":40132,\"message\":\"API Key is invalid or expired\",\"data\":null}")));

        assertThat(failureOf(client.chatStream(REQUEST, events::add))).isInstanceOf(MemosAuthenticationException.class);
        verify(1, postRequestedFor(urlEqualTo(CHAT)));
    }

    @Test
    void unavailableBeforeTheFirstByteIsRetried() {
        stubFor(post(CHAT)
                .inScenario("busy")
                .whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(503))
                .willSetStateTo("ok"));
        stubFor(post(CHAT)
                .inScenario("busy")
                .whenScenarioStateIs("ok")
                .willReturn(aResponse()
                        .withHeader("Content-Type", "text/event-stream")
                        .withBody("data: {\"type\":\"text\",\"data\":\"Hi\"}\n\ndata: [DONE]\n\n")));

        assertThat(client.chatStream(REQUEST, events::add).completion().join()).isEqualTo("Hi");
        verify(2, postRequestedFor(urlEqualTo(CHAT)));
    }

    @Test
    void aPlainJsonAnswerBecomesOneTextEventAndEnd() {
        stubFor(post(CHAT).willReturn(okJson(TestClients.envelope("{\"response\":\"Hello\"}"))));

        assertThat(client.chatStream(REQUEST, events::add).completion().join()).isEqualTo("Hello");
        assertThat(events).extracting(ChatEvent::type).containsExactly("text", "end");
    }

    @Test
    void aFailingListenerFailsTheStream() {
        stubStream("data: {\"type\":\"text\",\"data\":\"Hi\"}\n\ndata: [DONE]\n\n");

        ChatStream stream = client.chatStream(REQUEST, event -> {
            throw new IllegalStateException("listener bug");
        });

        assertThat(failureOf(stream)).isInstanceOf(MemosStreamException.class).hasMessageContaining("listener bug");
    }
}
