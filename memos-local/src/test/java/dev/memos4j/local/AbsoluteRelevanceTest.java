package dev.memos4j.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.memos4j.client.MemosClient;
import dev.memos4j.client.model.MemoryDetail;
import dev.memos4j.client.model.SearchMemoryRequest;
import dev.memos4j.local.server.MemosServer;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code relativity} means the same for every query: a question about a stored memory scores high, a
 * question about nothing stored scores low, however few memories there are to compare with. The same
 * through the engine in-process and through the local server over HTTP.
 */
class AbsoluteRelevanceTest {

    private static final String ZOO = HomeAssistantAcceptanceTest.ZOO;
    private static final String FAMILY = HomeAssistantAcceptanceTest.FAMILY;
    private static final String DENTIST = "Dentist appointment on Monday at 9 am.";
    private static final String PANTRY = "We are out of olive oil and rice.";
    private static final String TAP = "The plumber said the kitchen tap washer is worn.";
    private static final double THRESHOLD = 0.45;

    private static LocalMemos memos;
    private static MemosServer server;
    private static MemosClient http;

    @BeforeAll
    static void storeTheSeedDialogues() {
        memos = LocalMemos.inMemory();
        // The three dialogues of the home-assistant story, each in its own conversation.
        HomeAssistantAcceptanceTest.add(memos, "dad", "c1", ZOO);
        HomeAssistantAcceptanceTest.add(memos, "dad", "c2", HomeAssistantAcceptanceTest.THREE_POINTS);
        HomeAssistantAcceptanceTest.add(memos, "dad", "c3", FAMILY);
        server = MemosServer.builder(memos).port(0).build().start();
        http = MemosClient.builder().baseUrl(server.baseUrl()).apiKey("any").build();
    }

    @AfterAll
    static void stop() {
        http.close();
        server.close();
        memos.close();
    }

    static Stream<Arguments> surfaces() {
        return Stream.of(Arguments.of("LocalMemos", memos), Arguments.of("local server over HTTP", http));
    }

    @ParameterizedTest(name = "{0}", autoCloseArguments = false) // the clients are shared
    @MethodSource("surfaces")
    void theWeekendQuestionFindsTheZooPlan(String label, MemosClient client) {
        List<MemoryDetail> found = search(client, "dad", "What plans do I have for the weekend?", THRESHOLD);

        assertThat(found).as(label).anySatisfy(m -> {
            assertThat(m.memoryValue()).isEqualTo(ZOO);
            assertThat(m.relativity()).hasValueSatisfying(r -> assertThat(r).isGreaterThanOrEqualTo(0.5));
        });
    }

    @ParameterizedTest(name = "{0}", autoCloseArguments = false) // the clients are shared
    @MethodSource("surfaces")
    void questionsAboutNothingStoredFindNoMemory(String label, MemosClient client) {
        for (String query : List.of("quantum chromodynamics lattice", "What is my dog's name?")) {
            assertThat(search(client, "dad", query, THRESHOLD))
                    .as(label + ": " + query)
                    .isEmpty();
            // Without a threshold the memories still come back, all of them below it.
            assertThat(search(client, "dad", query, 0.0))
                    .as(label + ": " + query)
                    .isNotEmpty()
                    .allSatisfy(m -> assertThat(m.relativity().orElseThrow()).isLessThan(THRESHOLD));
        }
    }

    @Test
    void paraphrasesScoreHighAndUnrelatedQuestionsLow() {
        try (LocalMemos notes = LocalMemos.inMemory()) {
            for (String text : List.of(ZOO, FAMILY, DENTIST, PANTRY, TAP)) {
                HomeAssistantAcceptanceTest.add(notes, "mum", "notes", text);
            }
            List<List<String>> paraphrases = List.of(
                    List.of("When are we going to the zoo?", ZOO),
                    List.of("Who is my wife?", FAMILY),
                    List.of("How old is my kid?", FAMILY),
                    List.of("When do I see the dentist?", DENTIST),
                    List.of("Do we need to buy rice?", PANTRY),
                    List.of("What is wrong with the kitchen tap?", TAP));
            for (List<String> pair : paraphrases) {
                List<MemoryDetail> found = search(notes, "mum", pair.get(0), 0.0);
                assertThat(found.get(0).memoryValue()).as(pair.get(0)).isEqualTo(pair.get(1));
                assertThat(found.get(0).relativity().orElseThrow())
                        .as(pair.get(0))
                        .isGreaterThanOrEqualTo(0.5);
            }
            for (String unrelated : List.of(
                    "What is the capital of France?",
                    "Explain how black holes evaporate",
                    "Recommend a good gaming laptop",
                    "Who won the football world cup in 2018?",
                    "What is my dog's name?")) {
                assertThat(search(notes, "mum", unrelated, 0.0))
                        .as(unrelated)
                        .allSatisfy(
                                m -> assertThat(m.relativity().orElseThrow()).isLessThan(THRESHOLD));
            }
        }
    }

    private static List<MemoryDetail> search(MemosClient client, String user, String query, double threshold) {
        return client.searchMemory(SearchMemoryRequest.builder()
                        .userId(user)
                        .conversationId("new")
                        .query(query)
                        .relativity(threshold)
                        .build())
                .join()
                .memories();
    }
}
