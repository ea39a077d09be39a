package dev.memos4j.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.memos4j.client.model.AddMessageRequest;
import dev.memos4j.client.model.MemoryDetail;
import dev.memos4j.client.model.Message;
import dev.memos4j.client.model.PreferenceDetail;
import dev.memos4j.client.model.SearchMemoryRequest;
import dev.memos4j.client.model.SearchMemoryResponse;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The home-assistant story: memories stored days ago come back in brand-new conversations. */
class HomeAssistantAcceptanceTest {

    static final String ZOO = "Take the kids to the zoo on Saturday, please remember it.";
    static final String THREE_POINTS =
            "For future reminders or plans, please first list three key points, then add one short suggestion.";
    static final String FAMILY = "My wife is Xiaoyun, the child is 6 years old";

    static final List<String> HOUSEHOLD_NOTES = List.of(
            "The dishwasher filter needs cleaning once a month.",
            "We are out of olive oil and rice.",
            "The plumber said the kitchen tap washer is worn.",
            "Water the tomato plants on the balcony every evening.",
            "The wifi password is written on the router label.",
            "Dentist appointment on Monday at 9 am.",
            "Renew the car insurance before the end of March.",
            "The spare house key is with the neighbour at number 12.",
            "Buy a birthday present for my colleague Tom.",
            "The heating engineer comes on Tuesday afternoon.",
            "Recycling bins go out on Wednesday night.",
            "The living room light bulb needs replacing, it is an E27 warm white.",
            "Pay the electricity bill by the 15th.",
            "The washing machine makes a noise on the spin cycle.",
            "Book a table at the Italian restaurant for our anniversary.",
            "The library books are due back next Thursday.",
            "Call the bank about the new debit card.",
            "The cat's vaccination is due in June.",
            "Order new ink cartridges for the printer.",
            "The smoke alarm battery was changed in January.",
            "My phone screen protector is cracked.",
            "Check the tyre pressure on the bicycle.",
            "The fridge is set to 4 degrees.",
            "We need more laundry detergent.",
            "The garden fence panel blew over in the storm.",
            "Cancel the unused streaming subscription.",
            "The boiler service is booked for October.",
            "Keep the receipts for the new sofa.",
            "The bathroom extractor fan is very loud.",
            "Collect the dry cleaning on Friday.");

    private static final Embedder DEFAULT_MODEL = Embedder.defaultModel();

    static Stream<Arguments> embedders() {
        return Stream.of(Arguments.of("default model", DEFAULT_MODEL), Arguments.of("none (BM25)", Embedder.none()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("embedders")
    void recallsTheStoryInNewConversations(String label, Embedder embedder) {
        try (LocalMemos memos =
                LocalMemos.builder().inMemory().embedder(embedder).build()) {
            int n = 0;
            for (String note : HOUSEHOLD_NOTES.subList(0, 15)) {
                add(memos, "dad", "notes-" + (n++ / 5), note);
            }
            add(memos, "dad", "conv-story", ZOO);
            add(memos, "dad", "conv-story", THREE_POINTS);
            add(memos, "dad", "conv-family", FAMILY);
            for (String note : HOUSEHOLD_NOTES.subList(15, HOUSEHOLD_NOTES.size())) {
                add(memos, "dad", "notes-" + (n++ / 5), note);
            }
            // Another household with similar memories must never leak in.
            add(memos, "neighbour", "n1", "Take the dog to the zoo on Saturday, please remember it.");
            add(memos, "neighbour", "n1", "My husband is Peter, our child is 9 years old.");
            add(memos, "neighbour", "n1", "From now on, always answer in one sentence.");

            SearchMemoryResponse weekend = search(memos, "What plans do I have for the weekend?");
            assertThat(texts(weekend.memories()).subList(0, 3)).as(label).contains(ZOO);

            SearchMemoryResponse housework = search(memos, "Help me plan next week's housework distribution");
            assertThat(preferences(housework.preferences())).as(label).anyMatch(p -> p.contains("three key points"));

            SearchMemoryResponse family = search(memos, "Arrange a weekend activity for the family?");
            assertThat(texts(family.memories())).as(label).contains(FAMILY);

            for (SearchMemoryResponse response : List.of(weekend, housework, family)) {
                assertThat(texts(response.memories())).noneMatch(t -> t.contains("dog") || t.contains("Peter"));
                assertThat(preferences(response.preferences())).noneMatch(p -> p.contains("one sentence"));
                assertThat(response.memories()).allSatisfy(m -> {
                    assertThat(m.relativity())
                            .hasValueSatisfying(r -> assertThat(r).isBetween(0.0, 1.0));
                    assertThat(m.tags()).contains("mode:fast");
                    assertThat(m.sources()).hasSize(1);
                });
            }
        }
    }

    static void add(LocalMemos memos, String user, String conversation, String text) {
        memos.addMessage(AddMessageRequest.builder()
                        .userId(user)
                        .conversationId(conversation)
                        .addMessage(Message.user(text))
                        .build())
                .join();
    }

    static SearchMemoryResponse search(LocalMemos memos, String query) {
        return memos.searchMemory(SearchMemoryRequest.builder()
                        .userId("dad")
                        .conversationId("conv-new")
                        .query(query)
                        .build())
                .join();
    }

    static List<String> texts(List<MemoryDetail> memories) {
        return memories.stream().map(MemoryDetail::memoryValue).toList();
    }

    static List<String> preferences(List<PreferenceDetail> preferences) {
        return preferences.stream().map(PreferenceDetail::preference).toList();
    }
}
